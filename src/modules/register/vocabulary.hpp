#pragma once
// The register's closed lists, each with a stable code (stored, and used in
// the API and CSV files) and the words people use ("NHS trust"). Parsing
// accepts either, in any case, so a spreadsheet can say "Sub-group".
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "modules/register/model.hpp"

namespace safeboard::register_ {

template <typename E>
struct Term {
    E value;
    std::string_view code;
    std::string_view label;
};

std::span<const Term<Sector>> sectors();
std::span<const Term<BodyKind>> body_kinds();
std::span<const Term<SeatRole>> seat_roles();
std::span<const Term<RelationKind>> relation_kinds();

template <typename E>
std::span<const Term<E>> terms();
template <> inline std::span<const Term<Sector>> terms<Sector>() { return sectors(); }
template <> inline std::span<const Term<BodyKind>> terms<BodyKind>() { return body_kinds(); }
template <> inline std::span<const Term<SeatRole>> terms<SeatRole>() { return seat_roles(); }
template <> inline std::span<const Term<RelationKind>> terms<RelationKind>() { return relation_kinds(); }

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

// The code or the label, any case, spaces, hyphens and underscores alike.
bool same_term(std::string_view text, std::string_view word);

template <typename E>
std::optional<E> parse_term(std::string_view text) {
    for (const auto& term : terms<E>()) {
        if (same_term(text, term.code) || same_term(text, term.label)) return term.value;
    }
    return std::nullopt;
}

// "one of: local_authority, police, ..." for error messages.
template <typename E>
std::string codes_list() {
    std::string list;
    for (const auto& term : terms<E>()) list += (list.empty() ? "" : ", ") + std::string(term.code);
    return list;
}

// How a relation reads from the other end: "reports_to" → "Reported to by".
std::string_view inverse_label(RelationKind kind);

}  // namespace safeboard::register_
