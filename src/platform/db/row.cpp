#include "platform/db/database.hpp"

#include <charconv>
#include <cmath>

namespace safeboard::db {
namespace {

std::string describe(const Value& value) {
    if (auto* s = std::get_if<std::string>(&value)) return "text \"" + *s + "\"";
    if (auto* i = std::get_if<std::int64_t>(&value)) return "integer " + std::to_string(*i);
    if (auto* d = std::get_if<double>(&value)) return "real " + std::to_string(*d);
    if (auto* b = std::get_if<bool>(&value)) return *b ? "boolean true" : "boolean false";
    return "NULL";
}

[[noreturn]] void cannot_read(std::size_t i, const Value& value, const char* wanted) {
    throw DatabaseError(ErrorCode::other,
                        "column " + std::to_string(i) + ": cannot read " + describe(value) + " as " + wanted);
}

// Whole-string parse: "12abc" is not a number, whatever strtol would say.
template <typename T>
bool parse(const std::string& text, T& out) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end && !text.empty();
}

std::string format_real(double value) {
    char buffer[32];
    auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, ptr);
}

}  // namespace

bool Row::is_null(std::size_t i) const {
    return std::holds_alternative<Null>(value(i));
}

std::string Row::text(std::size_t i) const {
    const Value& v = value(i);
    if (auto* s = std::get_if<std::string>(&v)) return *s;
    if (auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
    if (auto* d = std::get_if<double>(&v)) return format_real(*d);
    if (auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
    cannot_read(i, v, "text");
}

std::int64_t Row::integer(std::size_t i) const {
    const Value& v = value(i);
    if (auto* n = std::get_if<std::int64_t>(&v)) return *n;
    if (auto* b = std::get_if<bool>(&v)) return *b ? 1 : 0;
    if (auto* d = std::get_if<double>(&v)) {
        // 2^63 is exact as a double; anything at or past it does not fit.
        constexpr double limit = 9223372036854775808.0;
        if (std::trunc(*d) == *d && *d >= -limit && *d < limit) return static_cast<std::int64_t>(*d);
    }
    if (auto* s = std::get_if<std::string>(&v)) {
        std::int64_t out = 0;
        if (parse(*s, out)) return out;
    }
    cannot_read(i, v, "an integer");
}

double Row::real(std::size_t i) const {
    const Value& v = value(i);
    if (auto* d = std::get_if<double>(&v)) return *d;
    if (auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
    if (auto* s = std::get_if<std::string>(&v)) {
        double out = 0;
        if (parse(*s, out)) return out;
    }
    cannot_read(i, v, "a real number");
}

bool Row::boolean(std::size_t i) const {
    const Value& v = value(i);
    if (auto* b = std::get_if<bool>(&v)) return *b;
    // SQLite has no boolean type and stores 0/1; PostgreSQL's text form is t/f.
    if (auto* n = std::get_if<std::int64_t>(&v); n && (*n == 0 || *n == 1)) return *n == 1;
    if (auto* s = std::get_if<std::string>(&v)) {
        if (*s == "t" || *s == "true" || *s == "1") return true;
        if (*s == "f" || *s == "false" || *s == "0") return false;
    }
    cannot_read(i, v, "a boolean");
}

std::optional<std::string> Row::optional_text(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return text(i);
}

std::optional<std::int64_t> Row::optional_integer(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return integer(i);
}

}  // namespace safeboard::db
