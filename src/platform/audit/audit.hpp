#pragma once
// The audit trail: an append-only, tamper-evident log of every sign-in
// attempt, every change, every refused request and every read of a record
// marked sensitive.
//
// Entries are numbered 1, 2, 3 ... (seq) and each carries the hash of the one
// before it (prev_hash) and its own hash: SHA-256 over the canonical encoding
// described in canonical.hpp. verify_chain() (chain.hpp) recomputes the chain
// and names the first entry that was altered, removed or reordered. The
// database itself refuses UPDATE and DELETE on audit_log (and TRUNCATE on
// PostgreSQL). audit_head holds the last seq and hash, so that entries
// removed from the end are noticed too. Search and CSV are in search.hpp and
// export.hpp; this header brings in the whole library.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "platform/audit/canonical.hpp"
#include "platform/audit/chain.hpp"
#include "platform/audit/export.hpp"
#include "platform/audit/model.hpp"
#include "platform/audit/search.hpp"
#include "platform/db/database.hpp"
#include "platform/embed/embedded.hpp"

namespace safeboard::audit {

// The schema (audit_log, audit_head and the append-only triggers); the app
// registers it as module "audit", before every other module.
std::span<const embed::File> migrations();

// Appends one entry inside the caller's write transaction, so the entry
// commits or rolls back with the change it records. `at` is now, UTC.
//
// On PostgreSQL the append locks audit_head until the transaction ends, so
// writers take turns: append after the change itself, just before commit.
//
// Throws std::logic_error outside a transaction, and std::invalid_argument
// for an entry no caller should make: action or entity_type empty, a value
// over its bound in audit::limits, text that is not UTF-8 or holds NUL.
// Control characters are data and are stored as given.
Recorded append(db::Connection& db, const Actor& actor, const Entry& entry);

// Opens its own write transaction, appends and commits: for refusals and
// sign-in attempts that change nothing else. Throws std::logic_error when the
// connection is already in a transaction (use append() there).
Recorded append_alone(db::Connection& db, const Actor& actor, const Entry& entry);

inline constexpr std::string_view kRedacted = "[redacted]";

// The changed fields between two snapshots of a record (field -> value, or
// nullopt for NULL; a field missing from one map counts as NULL), in field
// order; unchanged fields are left out. A field named in `redacted` (e.g.
// "password_hash", "mfa_secret") shows "[redacted]" for each value it had, so
// the entry says that it was set, changed or cleared but never what it was.
std::vector<FieldChange> diff(const std::map<std::string, std::optional<std::string>>& before,
                              const std::map<std::string, std::optional<std::string>>& after,
                              std::span<const std::string_view> redacted = {});

}  // namespace safeboard::audit
