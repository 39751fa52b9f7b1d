#pragma once
// Instants as the database stores them: ISO 8601 UTC text with Z, which sorts
// and compares as text on both backends ("2026-11-22T10:15:00Z").
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace safeboard {

using UnixSeconds = std::int64_t;

// A source of the current time, so rules about expiry are tested without waiting.
using Clock = std::function<UnixSeconds()>;
UnixSeconds system_now();

std::string iso_utc(UnixSeconds seconds);
// Today's date in UTC, YYYY-MM-DD (the default "as on" date of reports).
std::string today_utc();
// Accepts exactly the form iso_utc writes; nullopt otherwise.
std::optional<UnixSeconds> parse_iso_utc(std::string_view text);
// "YYYY-MM-DD" as the instant that day starts (UTC); nullopt for a date that does not exist.
std::optional<UnixSeconds> parse_date(std::string_view text);

}  // namespace safeboard
