// JSON-lines export for safe keeping, and CSV for spreadsheets.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <sstream>

#include "platform/audit/audit_fixture.hpp"

namespace safeboard::audit {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::optional<std::string> optional_string(const boost::json::value& value) {
    if (value.is_null()) return std::nullopt;
    return std::string(value.as_string());
}

// Reads an exported line back with nothing but a JSON parser, as someone
// checking the export elsewhere would.
StoredEntry entry_from(const boost::json::object& line) {
    StoredEntry stored;
    stored.seq = line.at("seq").as_int64();
    stored.at = line.at("at").as_string();
    const auto& user = line.at("user_id");
    if (!user.is_null()) stored.actor.user_id = user.as_int64();
    stored.actor.label = line.at("actor").as_string();
    stored.actor.remote = line.at("remote").as_string();
    stored.actor.request_id = line.at("request_id").as_string();
    stored.entry.action = line.at("action").as_string();
    stored.entry.entity_type = line.at("entity_type").as_string();
    stored.entry.entity_id = line.at("entity_id").as_string();
    for (const auto& change : line.at("changes").as_array()) {
        const auto& object = change.as_object();
        stored.entry.changes.push_back({std::string(object.at("field").as_string()),
                                        optional_string(object.at("before")), optional_string(object.at("after"))});
    }
    stored.entry.detail = line.at("detail").as_string();
    stored.prev_hash = line.at("prev_hash").as_string();
    stored.hash = line.at("hash").as_string();
    return stored;
}

class AuditExport : public testing::AuditTest {
protected:
    void SetUp() override {
        AuditTest::SetUp();
        if (IsSkipped()) return;
        add_on("2026-01-31T23:59:59.999Z", {"sign_in.failed", "session", "", {}, "wrong password"});
        add_on("2026-02-01T00:00:00.000Z",
               {"update", "partnership", "3", {{"name", "Old", "New"}, {"phone", std::nullopt, "01245"}},
                "line\nbreak \x01 \"quoted\" \\ caf\xC3\xA9"});
        add_on("2026-02-28T23:59:59.999Z", {"request.refused", "route", "/admin", {}, "not an administrator"});
        last_ = add_on("2026-03-01T00:00:00.000Z", {"read", "child", "11", {}, ""});
    }

    Recorded add_on(const std::string& at, const Entry& entry) {
        db::Transaction transaction(*db_);
        auto recorded = append_at(*db_, at, someone(), entry);
        transaction.commit();
        return recorded;
    }

    Recorded last_;
};

TEST_P(AuditExport, WritesTheDaysAskedForThenTheHead) {
    std::ostringstream out;
    EXPECT_EQ(export_jsonl(*db_, "2026-02-01", "2026-02-28", out), 2u);
    auto lines = lines_of(out.str());
    ASSERT_EQ(lines.size(), 3u) << out.str();

    auto first = entry_from(boost::json::parse(lines[0]).as_object());
    auto second = entry_from(boost::json::parse(lines[1]).as_object());
    auto stored = search(*db_, {.from = "2026-02-01", .to = "2026-02-28"});
    ASSERT_EQ(stored.size(), 2u);
    EXPECT_EQ(first, stored[1]) << "every field survives, control characters included";
    EXPECT_EQ(second, stored[0]);
    EXPECT_EQ(first.seq, 2);
    EXPECT_EQ(second.prev_hash, first.hash);
    EXPECT_EQ(entry_hash(first), first.hash) << "the hash can be recomputed from the line alone";
    EXPECT_EQ(entry_hash(second), second.hash);

    auto head = boost::json::parse(lines[2]).as_object().at("head").as_object();
    EXPECT_EQ(head.at("seq").as_int64(), 4);
    EXPECT_EQ(head.at("hash").as_string(), last_.hash) << "the head at export time, beyond the range";
}

TEST_P(AuditExport, WritesOnlyTheHeadWhenNoEntryFalls) {
    std::ostringstream out;
    EXPECT_EQ(export_jsonl(*db_, "2025-01-01", "2025-12-31", out), 0u);
    EXPECT_EQ(out.str(), "{\"head\":{\"seq\":4,\"hash\":\"" + last_.hash + "\"}}\n");
}

TEST_P(AuditExport, RefusesDatesThatAreNotARange) {
    std::ostringstream out;
    EXPECT_THROW(export_jsonl(*db_, "2026-02-30", "2026-03-01", out), std::invalid_argument);
    EXPECT_THROW(export_jsonl(*db_, "2026-03-01", "2026-02-01", out), std::invalid_argument);
    EXPECT_EQ(out.str(), "");
}

SAFEBOARD_TEST_ON_BACKENDS(AuditExport);

TEST(AuditCsv, QuotesFieldsThatNeedIt) {
    StoredEntry entry{1, "2026-02-01T00:00:00.000Z", {7, "alex@example.org", "192.0.2.1", "req-1"},
                      {"update", "partnership", "3", {{"name", "Old", std::nullopt}}, "said \"hi\", then left"},
                      "", "abc"};
    EXPECT_EQ(to_csv({entry}),
              "seq,at,user_id,actor,remote,request_id,action,entity_type,entity_id,changes,detail,hash\r\n"
              "1,2026-02-01T00:00:00.000Z,7,alex@example.org,192.0.2.1,req-1,update,partnership,3,"
              "\"[{\"\"field\"\":\"\"name\"\",\"\"before\"\":\"\"Old\"\",\"\"after\"\":null}]\","
              "\"said \"\"hi\"\", then left\",abc\r\n");
}

TEST(AuditCsv, KeepsSpreadsheetsFromRunningFormulas) {
    StoredEntry entry{2, "2026-02-01T00:00:01.000Z", {std::nullopt, "=HYPERLINK(\"http://x\")", "\tx", ""},
                      {"@SUM(A1)", "route", "+44 1234", {}, "-1\nsecond line"}, "", "def"};
    EXPECT_EQ(lines_of(to_csv({entry})).at(1),
              "2,2026-02-01T00:00:01.000Z,,\"'=HYPERLINK(\"\"http://x\"\")\",'\tx,,'@SUM(A1),route,'+44 1234,[],"
              "\"'-1");
    StoredEntry carriage{3, "t", {std::nullopt, "anonymous", "", ""}, {"read", "child", "bad\xFF", {}, "\rboom"}, "",
                         "h"};
    std::string csv = to_csv({carriage});
    EXPECT_EQ(csv.substr(csv.find("\r\n") + 2), "3,t,,anonymous,,,read,child,bad\xEF\xBF\xBD,[],\"'\rboom\",h\r\n")
        << "a bad byte becomes U+FFFD so the file stays UTF-8";
}

}  // namespace
}  // namespace safeboard::audit
