// verify_chain names the first entry someone with database access altered,
// removed or reordered, after removing the append-only triggers.
#include <gtest/gtest.h>

#include <functional>
#include <thread>

#include "platform/audit/audit_fixture.hpp"

namespace safeboard::audit {
namespace {

class AuditChain : public testing::AuditTest {
protected:
    void SetUp() override {
        AuditTest::SetUp();
        if (IsSkipped()) return;
        for (const char* detail : {"one", "two", "three"}) add(detail);
        remove_triggers();
    }

    void expect_problem(std::int64_t seq, const std::string& words) {
        auto report = verify_chain(*db_);
        EXPECT_FALSE(report.ok());
        EXPECT_EQ(report.first_bad_seq, seq) << report.problem;
        EXPECT_NE(report.problem.find(words), std::string::npos) << report.problem;
    }
};

TEST_P(AuditChain, AnUntouchedChainVerifies) {
    auto report = verify_chain(*db_);
    EXPECT_TRUE(report.ok()) << report.problem;
    EXPECT_EQ(report.entries, 3);
}

TEST_P(AuditChain, NamesAnAlteredEntry) {
    db_->query("UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 2");
    expect_problem(2, "audit entry 2 was altered: its hash does not match its content");
}

TEST_P(AuditChain, NamesAnEntryWhoseChangesWereRewritten) {
    db_->query("UPDATE audit_log SET changes = '[{\"field\":\"name\",\"before\":\"Old\",\"after\":\"Other\"}]' "
               "WHERE seq = 2");
    expect_problem(2, "audit entry 2 was altered");
    db_->query("UPDATE audit_log SET changes = 'not json' WHERE seq = 2");
    expect_problem(2, "audit entry 2 was altered");
}

TEST_P(AuditChain, NamesAnAlteredUser) {
    db_->query("UPDATE audit_log SET user_id = NULL WHERE seq = 1");
    expect_problem(1, "audit entry 1 was altered");
}

TEST_P(AuditChain, NamesARemovedEntry) {
    db_->query("DELETE FROM audit_log WHERE seq = 2");
    expect_problem(2, "audit entry 2 is missing");
}

TEST_P(AuditChain, NamesSwappedEntries) {
    db_->query("UPDATE audit_log SET seq = -2 WHERE seq = 2");
    db_->query("UPDATE audit_log SET seq = 2 WHERE seq = 3");
    db_->query("UPDATE audit_log SET seq = 3 WHERE seq = -2");
    expect_problem(2, "audit entry 2 was altered");
}

TEST_P(AuditChain, NamesEntriesRemovedFromTheEnd) {
    db_->query("DELETE FROM audit_log WHERE seq = 3");
    expect_problem(3, "audit entry 3 is missing from the end");
}

TEST_P(AuditChain, NamesAHeadRecordMovedBack) {
    db_->query("UPDATE audit_head SET seq = 2 WHERE id = 1");
    expect_problem(3, "the head record was altered");
}

TEST_P(AuditChain, NamesAnEntryRewrittenWithAFreshHash) {
    // Entry 2 rewritten whole, with a hash that matches its new content: the
    // entry after it no longer follows it.
    auto stored = search(*db_, {.before_seq = 3, .limit = 1}).at(0);
    stored.entry.detail = "rewritten";
    stored.hash = entry_hash(stored);
    db_->query("UPDATE audit_log SET detail = $1, hash = $2 WHERE seq = 2", {stored.entry.detail, stored.hash});
    expect_problem(3, "audit entry 3 does not follow entry 2");
}

TEST_P(AuditChain, AKeptHeadCatchesARewriteOfEveryLaterHash) {
    auto kept = verify_chain(*db_).head_hash;
    EXPECT_EQ(check_kept_head(*db_, 3, kept), "");
    EXPECT_EQ(check_kept_head(*db_, 0, ""), "") << "an export of an empty log";

    // Entry 2 rewritten and every hash after it recomputed, head included:
    // the chain alone cannot tell.
    auto entries = search(*db_, {});
    auto second = entries.at(1);
    auto third = entries.at(0);
    second.entry.detail = "rewritten";
    second.hash = entry_hash(second);
    third.prev_hash = second.hash;
    third.hash = entry_hash(third);
    db_->query("UPDATE audit_log SET detail = $1, hash = $2 WHERE seq = 2", {second.entry.detail, second.hash});
    db_->query("UPDATE audit_log SET prev_hash = $1, hash = $2 WHERE seq = 3", {third.prev_hash, third.hash});
    db_->query("UPDATE audit_head SET hash = $1 WHERE id = 1", {third.hash});
    EXPECT_TRUE(verify_chain(*db_).ok());

    EXPECT_EQ(check_kept_head(*db_, 3, kept),
              "audit entry 3 was rewritten after it was exported: its hash is not the kept head's");
    db_->query("DELETE FROM audit_log WHERE seq = 3");
    EXPECT_EQ(check_kept_head(*db_, 3, kept), "audit entry 3, the kept head, is missing");
}

TEST_P(AuditChain, ReadsLongChainsInBatches) {
    {
        db::Transaction transaction(*db_);
        for (int k = 0; k < 1200; ++k) append(*db_, someone(), {"read", "child", std::to_string(k), {}, ""});
        transaction.commit();
    }
    auto report = verify_chain(*db_);
    EXPECT_TRUE(report.ok()) << report.problem;
    EXPECT_EQ(report.entries, 1203);
    db_->query("UPDATE audit_log SET entity_id = 'other' WHERE seq = 1100");
    expect_problem(1100, "audit entry 1100 was altered");
}

SAFEBOARD_TEST_ON_BACKENDS(AuditChain);

class AuditConcurrency : public testing::AuditTest {};

TEST_P(AuditConcurrency, AppendsFromTwoConnectionsFormOneChain) {
    // An exception must not escape a thread; each writer reports its own.
    auto write_fifty = [this](const std::string& who, std::string& failure) {
        try {
            auto connection = connect();
            for (int k = 0; k < 50; ++k) {
                append_alone(*connection, {std::nullopt, who, "", ""}, {"read", "child", std::to_string(k), {}, ""});
            }
        } catch (const std::exception& error) {
            failure = error.what();
        }
    };
    std::string first_failure, second_failure;
    std::thread first(write_fifty, "first", std::ref(first_failure));
    std::thread second(write_fifty, "second", std::ref(second_failure));
    first.join();
    second.join();
    EXPECT_EQ(first_failure, "");
    EXPECT_EQ(second_failure, "");
    auto report = verify_chain(*db_);
    EXPECT_TRUE(report.ok()) << report.problem;
    EXPECT_EQ(report.entries, 100);
    EXPECT_EQ(search(*db_, {.actor = "first", .limit = 1000}).size(), 50u);
}

SAFEBOARD_TEST_ON_BACKENDS(AuditConcurrency);

}  // namespace
}  // namespace safeboard::audit
