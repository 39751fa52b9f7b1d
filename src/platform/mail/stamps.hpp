#pragma once
// The two headers that differ on every message: when it was written and
// its identity.
#include <string>
#include <string_view>

#include "platform/core/time.hpp"

namespace safeboard::mail {

// RFC 5322 date-time in UTC: "Sun, 22 Nov 2026 10:15:00 +0000".
std::string rfc5322_date(UnixSeconds seconds);

// "<128 random bits in hex@domain>": unique without any state to keep.
std::string new_message_id(std::string_view domain);

}  // namespace safeboard::mail
