// Appending to the log, and the database refusing to change it, on both backends.
#include <gtest/gtest.h>

#include <regex>
#include <stdexcept>

#include "platform/audit/audit_fixture.hpp"

namespace safeboard::audit {
namespace {

class AuditAppend : public testing::AuditTest {
protected:
    std::int64_t stored_entries() {
        return db_->query("SELECT COUNT(*) FROM audit_log").rows.at(0).integer(0);
    }
};

TEST_P(AuditAppend, ChainsEntriesInOrder) {
    auto first = add("one");
    auto second = add("two");
    auto third = add("three");
    EXPECT_EQ(first.seq, 1);
    EXPECT_EQ(second.seq, 2);
    EXPECT_EQ(third.seq, 3);
    EXPECT_TRUE(std::regex_match(third.at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)"))) << third.at;
    EXPECT_TRUE(std::regex_match(third.hash, std::regex("[0-9a-f]{64}"))) << third.hash;

    auto entries = search(*db_, {});
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[2].prev_hash, "") << "entry 1 follows nothing";
    EXPECT_EQ(entries[1].prev_hash, first.hash);
    EXPECT_EQ(entries[0].prev_hash, second.hash);

    auto report = verify_chain(*db_);
    EXPECT_TRUE(report.ok()) << report.problem;
    EXPECT_EQ(report.entries, 3);
    EXPECT_EQ(report.head_hash, third.hash);
}

TEST_P(AuditAppend, KeepsEveryFieldAsGiven) {
    Actor cli{std::nullopt, "cli:root", "", ""};
    Entry entry{"user.created", "user", "42",
                {{"email", std::nullopt, "sam@example.org"}, {"note", "tab\there", "line\nbreak\x01"}},
                "made with \"quotes\", commas and unicode: caf\xC3\xA9"};
    auto recorded = append_alone(*db_, cli, entry);
    auto found = search(*db_, {});
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].seq, recorded.seq);
    EXPECT_EQ(found[0].at, recorded.at);
    EXPECT_EQ(found[0].actor, cli);
    EXPECT_EQ(found[0].entry, entry);
    EXPECT_EQ(found[0].hash, recorded.hash);
}

TEST_P(AuditAppend, CommitsAndRollsBackWithTheCallersTransaction) {
    add("kept");
    {
        db::Transaction transaction(*db_);
        append(*db_, someone(), {"update", "partnership", "3", {}, "rolled back"});
        // The transaction ends here without commit, as when the change fails.
    }
    EXPECT_EQ(stored_entries(), 1);
    auto report = verify_chain(*db_);
    EXPECT_TRUE(report.ok()) << report.problem;
    EXPECT_EQ(add("next").seq, 2) << "the rolled-back seq is not left as a gap";
    EXPECT_TRUE(verify_chain(*db_).ok());

    db::Transaction transaction(*db_);
    append(*db_, someone(), {"update", "partnership", "3", {}, "committed"});
    transaction.commit();
    EXPECT_EQ(stored_entries(), 3);
}

TEST_P(AuditAppend, NeedsTheRightKindOfTransaction) {
    EXPECT_THROW(append(*db_, someone(), {"read", "partnership", "3", {}, ""}), std::logic_error);
    db::Transaction transaction(*db_);
    EXPECT_THROW(append_alone(*db_, someone(), {"read", "partnership", "3", {}, ""}), std::logic_error);
}

TEST_P(AuditAppend, RefusesEntriesNoCallerShouldMake) {
    auto refused = [&](Actor actor, Entry entry) {
        EXPECT_THROW(append_alone(*db_, actor, entry), std::invalid_argument) << entry.detail;
    };
    Entry fine{"request.refused", "route", "/admin", {}, "not an administrator"};
    auto with = [&](auto change) {
        Entry entry = fine;
        change(entry);
        return entry;
    };
    refused(someone(), with([](Entry& e) { e.detail = std::string(limits::detail + 1, 'x'); }));
    refused(someone(), with([](Entry& e) { e.entity_id = std::string(limits::entity_id + 1, '9'); }));
    refused(someone(), with([](Entry& e) { e.action = ""; }));
    refused(someone(), with([](Entry& e) { e.entity_type = ""; }));
    refused(someone(), with([](Entry& e) { e.detail = "bad byte \xC3("; }));
    refused(someone(), with([](Entry& e) { e.detail = std::string("nul\0inside", 10); }));
    refused(someone(), with([](Entry& e) { e.changes = {{"", "a", "b"}}; }));
    refused(someone(), with([](Entry& e) { e.changes = {{"notes", std::string(limits::value + 1, 'n'), "b"}}; }));
    refused({1, std::string(limits::label + 1, 'a'), "", ""}, fine);
    refused({1, "", "", ""}, fine);
    EXPECT_THROW(append_at(*db_, "2026-11-22 10:15:00", someone(), fine), std::invalid_argument);
    EXPECT_EQ(stored_entries(), 0);
    EXPECT_TRUE(verify_chain(*db_).ok());

    // Bounds count characters, not bytes.
    std::string longest;
    for (std::size_t k = 0; k < limits::detail; ++k) longest += "\xC3\xA9";
    append_alone(*db_, someone(), with([&](Entry& e) { e.detail = longest; }));
    EXPECT_EQ(stored_entries(), 1);
}

TEST_P(AuditAppend, DatabaseRefusesToChangeOrRemoveEntries) {
    add("one");
    add("two");
    add("three");
    EXPECT_THROW(db_->query("UPDATE audit_log SET detail = 'edited' WHERE seq = 2"), db::DatabaseError);
    EXPECT_THROW(db_->query("DELETE FROM audit_log WHERE seq = 2"), db::DatabaseError);
    EXPECT_THROW(db_->query("DELETE FROM audit_log"), db::DatabaseError);
    if (backend() == db::Backend::postgresql) {
        EXPECT_THROW(db_->execute_script("TRUNCATE audit_log"), db::DatabaseError);
    }
    EXPECT_EQ(stored_entries(), 3);
    auto report = verify_chain(*db_);
    EXPECT_TRUE(report.ok()) << report.problem;
}

SAFEBOARD_TEST_ON_BACKENDS(AuditAppend);

}  // namespace
}  // namespace safeboard::audit
