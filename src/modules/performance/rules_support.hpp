#pragma once
// What the rules files share (internal): numbers as people type them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace safeboard::performance::detail {

// A number as typed: digits with at most one "." and digits after it, an
// optional leading "-" (so a negative figure is named as such, not as text).
struct Number {
    double value = 0;
    int decimals = 0;  // digits after the "."
};
std::optional<Number> number_of(std::string_view text);
// A whole number of digits only.
std::optional<std::int64_t> whole_of(std::string_view text);
// 70 → "70", 96.25 → "96.25": a number in a message, without trailing zeros.
std::string number_text(double value);
// The shortest text that reads back as the same double: what an export writes.
std::string exact_text(double value);

}  // namespace safeboard::performance::detail
