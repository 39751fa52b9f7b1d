#pragma once
// Getting entries out of the database: JSON lines for safe keeping elsewhere,
// CSV for people.
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "platform/audit/model.hpp"
#include "platform/db/database.hpp"

namespace safeboard::audit {

// Writes the entries whose `at` falls on a date in [from, to] (YYYY-MM-DD,
// inclusive, UTC) in seq order, one JSON object per line:
//   {"seq":1,"at":"...","user_id":7|null,"actor":"...","remote":"...",
//    "request_id":"...","action":"...","entity_type":"...","entity_id":"...",
//    "changes":[{"field":"...","before":"..."|null,"after":"..."|null}],
//    "detail":"...","prev_hash":"...","hash":"..."}
// then a last line {"head":{"seq":N,"hash":"..."}}: the chain's head at
// export time, read in the same snapshot. Kept elsewhere, the head line lets
// anyone later confirm the log still holds that entry unchanged; each hash
// can be recomputed from its line (canonical.hpp). Returns the number of
// entries written (the head line not counted). Throws std::invalid_argument
// unless from and to are real dates with from <= to (check them first with
// validate(Search{.from = ..., .to = ...})).
std::size_t export_jsonl(db::Connection& db, std::string_view from, std::string_view to, std::ostream& out);

// One entry as the JSON object export_jsonl writes (no newline).
std::string to_json(const StoredEntry& entry);

// RFC 4180 CSV (CRLF line ends) with the header row
//   seq,at,user_id,actor,remote,request_id,action,entity_type,entity_id,changes,detail,hash
// `changes` is compact JSON. A field holding a comma, quote, CR or LF is
// quoted. A field starting with = + - @ TAB or CR is prefixed with ' so that
// a spreadsheet shows it as text rather than running it as a formula.
std::string to_csv(const std::vector<StoredEntry>& entries);

}  // namespace safeboard::audit
