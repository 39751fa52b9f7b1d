#pragma once
// Closed lists (a sector, a status, a source of a recommendation): each term
// has a stable code (stored, and used in the API and CSV files) and the words
// people use ("NHS trust"). Parsing accepts either, in any case, so a
// spreadsheet can say "Sub-group" or "sub_group".
//
// A module declares its list by specialising terms<E>() in namespace
// safeboard; code_of, label_of, parse_term and codes_list then work for E.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace safeboard {

template <typename E>
struct Term {
    E value;
    std::string_view code;
    std::string_view label;
};

template <typename E>
std::span<const Term<E>> terms();

// The code or the label, any case, spaces, hyphens and underscores alike.
bool same_term(std::string_view text, std::string_view word);

template <typename E>
std::string_view code_of(E value) {
    for (const auto& term : terms<E>()) {
        if (term.value == value) return term.code;
    }
    return {};
}

template <typename E>
std::string_view label_of(E value) {
    for (const auto& term : terms<E>()) {
        if (term.value == value) return term.label;
    }
    return {};
}

template <typename E>
std::optional<E> parse_term(std::string_view text) {
    for (const auto& term : terms<E>()) {
        if (same_term(text, term.code) || same_term(text, term.label)) return term.value;
    }
    return std::nullopt;
}

// "local_authority, police, ..." for error messages.
template <typename E>
std::string codes_list() {
    std::string list;
    for (const auto& term : terms<E>()) list += (list.empty() ? "" : ", ") + std::string(term.code);
    return list;
}

}  // namespace safeboard
