#include "ics_text.hpp"

#include <algorithm>

namespace safeboard::ical::ics_text {

std::vector<std::string> physical_lines(std::string_view text) {
    std::vector<std::string> lines;
    while (!text.empty()) {
        auto end = text.find("\r\n");
        if (end == std::string_view::npos) end = text.size();
        lines.emplace_back(text.substr(0, end));
        text.remove_prefix(std::min(text.size(), end + 2));
    }
    return lines;
}

std::vector<std::string> content_lines(std::string_view text) {
    std::vector<std::string> lines;
    for (const auto& line : physical_lines(text)) {
        if (!lines.empty() && !line.empty() && (line[0] == ' ' || line[0] == '\t')) {
            lines.back() += line.substr(1);
        } else {
            lines.push_back(line);
        }
    }
    return lines;
}

std::vector<std::string> block(std::string_view text, std::string_view name) {
    auto lines = content_lines(text);
    auto begin = std::find(lines.begin(), lines.end(), "BEGIN:" + std::string(name));
    auto end = std::find(begin, lines.end(), "END:" + std::string(name));
    if (end != lines.end()) ++end;
    return {begin, end};
}

std::string ics(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) text += line + "\r\n";
    return text;
}

}  // namespace safeboard::ical::ics_text
