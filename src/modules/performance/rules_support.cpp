#include "modules/performance/rules_support.hpp"

#include <charconv>
#include <cstdint>

namespace safeboard::performance::detail {

namespace {

bool all_digits(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::optional<Number> number_of(std::string_view text) {
    auto body = text.starts_with('-') ? text.substr(1) : text;
    auto dot = body.find('.');
    auto whole_part = body.substr(0, dot);
    auto fraction = dot == std::string_view::npos ? std::string_view() : body.substr(dot + 1);
    // Room for the shortest text of any double (an export's), and no more.
    if (!all_digits(whole_part) || (dot != std::string_view::npos && !all_digits(fraction)) || body.size() > 24)
        return std::nullopt;
    Number number;
    std::from_chars(text.data(), text.data() + text.size(), number.value);
    number.decimals = static_cast<int>(fraction.size());
    return number;
}

std::optional<std::int64_t> whole_of(std::string_view text) {
    if (!all_digits(text) || text.size() > 15) return std::nullopt;
    std::int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

std::string number_text(double value) {
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 6);
    std::string text(buffer, ec == std::errc() ? end : buffer);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    return text == "-0" ? "0" : text;
}

std::string exact_text(double value) {
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? std::string(buffer, end) : number_text(value);
}

}  // namespace safeboard::performance::detail
