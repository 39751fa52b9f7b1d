// The admin page's search: filters, newest first, keyset pages, validation.
#include <gtest/gtest.h>

#include "platform/audit/audit_fixture.hpp"

namespace safeboard::audit {
namespace {

TEST(AuditSearchValidation, ReportsEveryBadFieldAtOnce) {
    Search bad{.user_id = 0, .actor = "", .entity_id = "3", .from = "2026-02-30", .to = "2026-1-01",
               .before_seq = 0, .limit = 0};
    auto result = validate(bad);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, ErrorKind::validation);
    std::vector<std::string> fields;
    for (const auto& error : result.error().fields) fields.push_back(error.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"user_id", "actor", "entity_id", "from", "to", "before_seq", "limit"}));
}

TEST(AuditSearchValidation, ChecksTheDateRangeAndLimit) {
    auto only_error = [](const Search& search) {
        auto result = validate(search);
        if (result || result.error().fields.size() != 1) return FieldError{};
        return result.error().fields.front();
    };
    EXPECT_EQ(only_error({.from = "2026-03-01", .to = "2026-02-01"}).field, "to");
    EXPECT_EQ(only_error({.from = "2027-02-29"}).field, "from") << "2027 is not a leap year";
    EXPECT_EQ(only_error({.to = "0000-01-01"}).field, "to");
    EXPECT_EQ(only_error({.limit = 1001}).field, "limit");
    EXPECT_EQ(only_error({.entity_type = std::string(limits::entity_type + 1, 't')}).field, "entity_type");
    EXPECT_TRUE(validate({.from = "2028-02-29", .to = "2028-02-29", .limit = 1000}));
    EXPECT_TRUE(validate({.entity_type = "partnership", .entity_id = "", .limit = 1}));
}

class AuditSearch : public testing::AuditTest {
protected:
    void SetUp() override {
        AuditTest::SetUp();
        if (IsSkipped()) return;
        add_on("2026-01-31T23:59:59.999Z", 7, "alex@example.org", "sign_in.failed", "session", "");
        add_on("2026-02-01T00:00:00.000Z", 8, "Sam.Jones@Example.org", "update", "partnership", "3");
        add_on("2026-02-28T23:59:59.999Z", std::nullopt, "anonymous", "request.refused", "route", "/admin");
        add_on("2026-03-01T00:00:00.000Z", 7, "alex@example.org", "update", "partnership", "4");
        add_on("2026-03-01T09:00:00.000Z", 9, "a_b@example.org", "update", "partnership", "3");
        add_on("2026-03-02T08:00:00.000Z", 10, "axb@example.org", "read", "child", "11");
    }

    void add_on(const std::string& at, std::optional<std::int64_t> user, const std::string& label,
                const std::string& action, const std::string& type, const std::string& id) {
        db::Transaction transaction(*db_);
        append_at(*db_, at, {user, label, "192.0.2.1", ""}, {action, type, id, {}, ""});
        transaction.commit();
    }

    std::vector<std::int64_t> seqs(const Search& search) {
        std::vector<std::int64_t> found;
        for (const auto& entry : audit::search(*db_, search)) found.push_back(entry.seq);
        return found;
    }
    using Seqs = std::vector<std::int64_t>;
};

TEST_P(AuditSearch, PagesNewestFirst) {
    EXPECT_EQ(seqs({.limit = 2}), (Seqs{6, 5}));
    EXPECT_EQ(seqs({.before_seq = 5, .limit = 2}), (Seqs{4, 3}));
    EXPECT_EQ(seqs({.before_seq = 3, .limit = 2}), (Seqs{2, 1}));
    EXPECT_EQ(seqs({.before_seq = 1, .limit = 2}), Seqs{});
}

TEST_P(AuditSearch, FindsByUserAndActor) {
    EXPECT_EQ(seqs({.user_id = 7}), (Seqs{4, 1}));
    EXPECT_EQ(seqs({.actor = "SAM.jones"}), (Seqs{2})) << "letters match either case";
    EXPECT_EQ(seqs({.actor = "a_b"}), (Seqs{5})) << "_ is a character, not a wildcard";
    EXPECT_EQ(seqs({.actor = "%"}), Seqs{});
    EXPECT_EQ(seqs({.actor = "EXAMPLE.ORG"}), (Seqs{6, 5, 4, 2, 1}));
}

TEST_P(AuditSearch, FindsByRecordAndAction) {
    EXPECT_EQ(seqs({.entity_type = "partnership", .entity_id = "3"}), (Seqs{5, 2}));
    EXPECT_EQ(seqs({.entity_type = "partnership"}), (Seqs{5, 4, 2}));
    EXPECT_EQ(seqs({.entity_type = "session", .entity_id = ""}), (Seqs{1}));
    EXPECT_EQ(seqs({.action = "update"}), (Seqs{5, 4, 2}));
    EXPECT_EQ(seqs({.action = "upd"}), Seqs{}) << "action matches exactly";
}

TEST_P(AuditSearch, FindsByDateIncludingBothEnds) {
    EXPECT_EQ(seqs({.from = "2026-02-01", .to = "2026-02-28"}), (Seqs{3, 2}));
    EXPECT_EQ(seqs({.to = "2026-01-31"}), (Seqs{1}));
    EXPECT_EQ(seqs({.from = "2026-03-01", .to = "2026-03-01"}), (Seqs{5, 4}));
    EXPECT_EQ(seqs({.from = "2026-03-02"}), (Seqs{6}));
}

TEST_P(AuditSearch, CombinesFilters) {
    EXPECT_EQ(seqs({.user_id = 7, .action = "update"}), (Seqs{4}));
    EXPECT_EQ(seqs({.action = "update", .before_seq = 5, .limit = 1}), (Seqs{4}));
    EXPECT_EQ(seqs({.entity_type = "partnership", .from = "2026-03-01", .limit = 1}), (Seqs{5}));
}

TEST_P(AuditSearch, RefusesASearchThatDoesNotValidate) {
    EXPECT_THROW(search(*db_, {.from = "yesterday"}), std::invalid_argument);
}

SAFEBOARD_TEST_ON_BACKENDS(AuditSearch);

}  // namespace
}  // namespace safeboard::audit
