#include "platform/tabular/sheet_name.hpp"

#include <set>
#include <string_view>

#include "platform/core/text.hpp"

namespace safeboard::tabular {
namespace {

constexpr std::size_t kMaxUnits = 31;

std::string replace_forbidden(std::string_view wanted) {
    std::string out;
    for (char c : replace_invalid_utf8(wanted)) {
        switch (c) {
        case '[': out += '('; break;
        case ']': out += ')'; break;
        case '/':
        case '\\':
        case ':': out += '-'; break;
        case '*':
        case '?': break;
        default: out += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c;
        }
    }
    return out;
}

std::string trim_ends(std::string_view text) {
    constexpr std::string_view ends = " '";
    auto begin = text.find_first_not_of(ends);
    if (begin == std::string_view::npos) return {};
    auto end = text.find_last_not_of(ends);
    return std::string(text.substr(begin, end - begin + 1));
}

// The longest start of valid UTF-8 text that fits in `max_units` UTF-16
// code units: a character beyond U+FFFF (four bytes in UTF-8) takes two.
std::string_view cut(std::string_view text, std::size_t max_units) {
    std::size_t units = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t length = utf8_sequence_length(text, at);
        std::size_t width = length == 4 ? 2 : 1;
        if (units + width > max_units) break;
        units += width;
        at += length;
    }
    return text.substr(0, at);
}

std::string unique(const std::string& name, std::set<std::string>& taken) {
    if (taken.insert(lower_ascii(name)).second) return name;
    for (std::size_t n = 2;; ++n) {
        std::string suffix = " (" + std::to_string(n) + ")";
        std::string numbered = trim_ends(cut(name, kMaxUnits - suffix.size())) + suffix;
        if (taken.insert(lower_ascii(numbered)).second) return numbered;
    }
}

}  // namespace

std::vector<std::string> sheet_names(const std::vector<std::string>& wanted) {
    std::set<std::string> taken{"history"};
    std::vector<std::string> names;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        std::string name = trim_ends(cut(trim_ends(replace_forbidden(wanted[i])), kMaxUnits));
        if (name.empty()) name = "Sheet " + std::to_string(i + 1);
        names.push_back(unique(name, taken));
    }
    return names;
}

}  // namespace safeboard::tabular
