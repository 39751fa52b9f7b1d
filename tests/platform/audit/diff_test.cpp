#include <gtest/gtest.h>

#include <array>

#include "platform/audit/audit.hpp"

namespace safeboard::audit {
namespace {

using Snapshot = std::map<std::string, std::optional<std::string>>;

TEST(AuditDiff, ListsOnlyChangedFieldsInFieldOrder) {
    Snapshot before{{"name", "Essex LSCB"}, {"code", "essex"}, {"phone", std::nullopt}, {"notes", "x"}};
    Snapshot after{{"name", "Essex Safeguarding Children Board"}, {"code", "essex"}, {"phone", "01245"},
                   {"notes", std::nullopt}};
    std::vector<FieldChange> expected{
        {"name", "Essex LSCB", "Essex Safeguarding Children Board"},
        {"notes", "x", std::nullopt},
        {"phone", std::nullopt, "01245"},
    };
    EXPECT_EQ(diff(before, after), expected);
}

TEST(AuditDiff, AMissingFieldCountsAsNull) {
    Snapshot created{{"name", "Thurrock"}, {"email", std::nullopt}};
    std::vector<FieldChange> expected{{"name", std::nullopt, "Thurrock"}};
    EXPECT_EQ(diff({}, created), expected) << "a new record: every set field appears with no value before";
    EXPECT_EQ(diff(created, {}), (std::vector<FieldChange>{{"name", "Thurrock", std::nullopt}}));
    EXPECT_TRUE(diff(created, created).empty());
}

TEST(AuditDiff, RedactedFieldsSayThatTheyChangedButNotWhat) {
    const std::array<std::string_view, 2> secret{"password_hash", "mfa_secret"};
    Snapshot before{{"password_hash", "$argon2id$old"}, {"mfa_secret", std::nullopt}, {"email", "a@x.org"}};
    Snapshot after{{"password_hash", "$argon2id$new"}, {"mfa_secret", "JBSWY3DP"}, {"email", "a@x.org"}};
    std::vector<FieldChange> expected{
        {"mfa_secret", std::nullopt, "[redacted]"},
        {"password_hash", "[redacted]", "[redacted]"},
    };
    EXPECT_EQ(diff(before, after, secret), expected);
    EXPECT_TRUE(diff(before, before, secret).empty()) << "an unchanged secret is not mentioned";
}

}  // namespace
}  // namespace safeboard::audit
