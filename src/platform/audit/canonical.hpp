#pragma once
// The bytes an entry's hash is computed over. Whoever keeps an export
// elsewhere can check it without Safeboard, so the encoding is fixed and
// written out here in full:
//
//   item(s)   = the byte length of s in decimal, ':', then the bytes of s
//               ("5:hello"; "0:" for the empty string)
//   encoding  = item("safeboard-audit-v1")
//               item(seq) item(at) item(user_id, or "" when there is none)
//               item(actor) item(remote) item(request_id)
//               item(action) item(entity_type) item(entity_id)
//               item(number of changes)
//               then for each change, in the order stored:
//                 item(field)
//                 item("1" if before is present, else "0") item(before, or "")
//                 item("1" if after is present, else "0")  item(after, or "")
//               item(detail) item(prev_hash)
//   hash      = lowercase hex SHA-256 of the encoding (64 characters)
//
// Numbers are plain decimal ("17", "-3"); strings are UTF-8 as stored;
// prev_hash is "" for entry 1 and the previous entry's hash after that. Every
// item carries its length, so no two different entries share an encoding.
#include <string>

#include "platform/audit/model.hpp"

namespace safeboard::audit {

inline constexpr const char* kEncodingVersion = "safeboard-audit-v1";

// Uses every field of `stored` except `hash`.
std::string canonical_encoding(const StoredEntry& stored);
std::string entry_hash(const StoredEntry& stored);

}  // namespace safeboard::audit
