#pragma once
// Finding audit entries, for the admin page and its CSV download.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/model.hpp"
#include "platform/core/error.hpp"
#include "platform/db/database.hpp"

namespace safeboard::audit {

inline constexpr int kMaxSearchLimit = 1000;

// Every member has a default, so a search can be written with designated
// initializers naming only its filters: search(db, {.user_id = 7, .limit = 20}).
struct Search {
    std::optional<std::int64_t> user_id = std::nullopt;
    std::optional<std::string> actor = std::nullopt;        // substring of the label; ASCII letters in either case
    std::optional<std::string> entity_type = std::nullopt;
    std::optional<std::string> entity_id = std::nullopt;    // needs entity_type: an id means something within a type
    std::optional<std::string> action = std::nullopt;       // exact
    std::optional<std::string> from = std::nullopt;         // YYYY-MM-DD inclusive (UTC)
    std::optional<std::string> to = std::nullopt;           // YYYY-MM-DD inclusive (UTC)
    std::optional<std::int64_t> before_seq = std::nullopt;  // keyset: newest first, entries with seq < before_seq
    int limit = 50;
};

// Every bad field at once, as FieldError{field, message} with the member's
// name as field: dates that are not real YYYY-MM-DD dates, from after to,
// limit outside 1..1000, an empty or over-long text, an entity_id without
// entity_type, ids below 1.
Status validate(const Search& search);

// Newest first (highest seq first), at most search.limit entries; the next
// page is the same search with before_seq = the last entry's seq. Throws
// std::invalid_argument for a search that validate() refuses.
std::vector<StoredEntry> search(db::Connection& db, const Search& search);

}  // namespace safeboard::audit
