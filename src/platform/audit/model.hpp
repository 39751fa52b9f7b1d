#pragma once
// What an audit entry holds. Plain structs; the functions that write, check,
// search and export the log are in audit.hpp.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace safeboard::audit {

struct Actor {                              // who did it
    std::optional<std::int64_t> user_id;    // nullopt: anonymous or the system
    std::string label;                      // email of the user, "anonymous", or "cli:<os user>"
    std::string remote;                     // client address, "" for the CLI
    std::string request_id;                 // "" for the CLI
    bool operator==(const Actor&) const = default;
};

struct FieldChange {
    std::string field;
    std::optional<std::string> before;  // nullopt: absent or NULL
    std::optional<std::string> after;
    bool operator==(const FieldChange&) const = default;
};

struct Entry {
    std::string action;        // "sign_in.failed", "user.created", "update", "request.refused", "read"
    std::string entity_type;   // "user", "session", "api_token", "partnership", "route", "audit_log" ...
    std::string entity_id;     // may be ""
    std::vector<FieldChange> changes;  // before/after of changed fields only
    std::string detail;        // short free text, e.g. the reason for a refusal
    bool operator==(const Entry&) const = default;
};

// What append() wrote: the entry's place in the chain.
struct Recorded {
    std::int64_t seq = 0;
    std::string at;    // UTC, "2026-11-22T10:15:00.123Z"
    std::string hash;  // lowercase hex SHA-256 of the canonical encoding
};

// An entry as the log holds it.
struct StoredEntry {
    std::int64_t seq = 0;
    std::string at;
    Actor actor;
    Entry entry;
    std::string prev_hash;  // "" for entry 1
    std::string hash;
    bool operator==(const StoredEntry&) const = default;
};

// Upper bounds, in characters (UTF-8 code points). A value over its bound is
// a programming error, so append() throws rather than truncating: a shortened
// entry would no longer say what happened.
namespace limits {
inline constexpr std::size_t label = 320;
inline constexpr std::size_t remote = 100;
inline constexpr std::size_t request_id = 200;
inline constexpr std::size_t action = 100;
inline constexpr std::size_t entity_type = 100;
inline constexpr std::size_t entity_id = 200;
inline constexpr std::size_t field = 100;
inline constexpr std::size_t value = 20000;  // each before/after value
inline constexpr std::size_t changes = 500;  // fields in one entry
inline constexpr std::size_t detail = 2000;
}  // namespace limits

}  // namespace safeboard::audit
