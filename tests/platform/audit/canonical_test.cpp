// The canonical encoding is a promise to whoever checks an export elsewhere:
// a change to it would make every stored hash unverifiable.
#include <gtest/gtest.h>

#include "platform/audit/canonical.hpp"

namespace safeboard::audit {
namespace {

StoredEntry sample() {
    StoredEntry stored;
    stored.seq = 1;
    stored.at = "2026-11-22T10:15:00.123Z";
    stored.actor = {7, "alex@example.org", "192.0.2.10", "req-1"};
    stored.entry = {"update", "partnership", "3", {{"name", "Old", "New"}, {"code", std::nullopt, "ESX"}}, ""};
    return stored;
}

TEST(AuditCanonical, EncodesEveryFieldWithItsLength) {
    EXPECT_EQ(canonical_encoding(sample()),
              "18:safeboard-audit-v1" "1:1" "24:2026-11-22T10:15:00.123Z" "1:7" "16:alex@example.org"
              "10:192.0.2.10" "5:req-1" "6:update" "11:partnership" "1:3" "1:2"
              "4:name" "1:1" "3:Old" "1:1" "3:New"
              "4:code" "1:0" "0:" "1:1" "3:ESX"
              "0:" "0:");
}

TEST(AuditCanonical, HashIsHexSha256OfTheEncoding) {
    // Computed independently: printf '%s' '<the encoding above>' | sha256sum
    EXPECT_EQ(entry_hash(sample()), "9c95482abcc3395125712786615eb34ebcd2839795015babb1d7b6d1133e78ad");
}

TEST(AuditCanonical, TellsApartValuesThatWouldRunTogether) {
    auto one = sample();
    auto other = sample();
    one.actor = {7, "ab", "c", "req-1"};
    other.actor = {7, "a", "bc", "req-1"};
    EXPECT_NE(entry_hash(one), entry_hash(other));

    auto empty = sample();
    auto absent = sample();
    empty.entry.changes[1].before = "";
    EXPECT_NE(entry_hash(empty), entry_hash(absent)) << "an empty value differs from none";

    auto anonymous = sample();
    anonymous.actor.user_id.reset();
    EXPECT_NE(entry_hash(anonymous), entry_hash(sample()));
}

TEST(AuditCanonical, DependsOnThePreviousHashAndPlace) {
    auto later = sample();
    later.seq = 2;
    EXPECT_NE(entry_hash(later), entry_hash(sample()));
    auto chained = sample();
    chained.prev_hash = std::string(64, 'a');
    EXPECT_NE(entry_hash(chained), entry_hash(sample()));
    auto hashed = sample();
    hashed.hash = "anything";
    EXPECT_EQ(entry_hash(hashed), entry_hash(sample())) << "the stored hash is not part of what is hashed";
}

}  // namespace
}  // namespace safeboard::audit
