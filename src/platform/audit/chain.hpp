#pragma once
// Checking the hash chain of the audit log.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "platform/db/database.hpp"

namespace safeboard::audit {

struct ChainReport {
    std::int64_t entries = 0;
    std::string head_hash;                 // hash of the last entry ("" when empty)
    std::optional<std::int64_t> first_bad_seq;
    // One line naming the entry, e.g.
    // "audit entry 17 was altered: its hash does not match its content".
    std::string problem;
    bool ok() const { return !first_bad_seq && problem.empty(); }
};

// Walks the whole log in seq order, in batches and in one snapshot,
// recomputing each hash, and reports the first of: an entry whose hash does
// not match its content (altered); a gap in seq (removed); a prev_hash that is
// not the previous entry's hash (reordered, or replaced); audit_head
// disagreeing with the last entry (entries removed from the end).
//
// Someone able to rewrite the tables can also recompute every later hash;
// check_kept_head() with the head line of an export kept elsewhere catches that.
ChainReport verify_chain(db::Connection& db);

// Confirms that the log still holds the head an earlier export ended with
// ({"head": {"seq": N, "hash": "..."}}): entry N with that hash. Together with
// a passing verify_chain() this shows no entry up to N changed since the
// export. Returns "" when it holds, else one line naming the problem.
std::string check_kept_head(db::Connection& db, std::int64_t seq, std::string_view hash);

}  // namespace safeboard::audit
