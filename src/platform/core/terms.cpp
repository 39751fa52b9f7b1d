#include "platform/core/terms.hpp"

namespace safeboard {

namespace {

char fold(char c) {
    if (c == '-' || c == ' ') return '_';
    if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
    return c;
}

}  // namespace

bool same_term(std::string_view text, std::string_view word) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.size() != word.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (fold(text[i]) != fold(word[i])) return false;
    }
    return true;
}

}  // namespace safeboard
