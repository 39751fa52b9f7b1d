#pragma once
// The register's closed lists (platform/core/terms.hpp: a stable code and
// the words people use, "NHS trust").
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "modules/register/model.hpp"
#include "platform/core/terms.hpp"

namespace safeboard::register_ {

std::span<const Term<Sector>> sectors();
std::span<const Term<BodyKind>> body_kinds();
std::span<const Term<SeatRole>> seat_roles();
std::span<const Term<RelationKind>> relation_kinds();

// How a relation reads from the other end: "reports_to" → "Reported to by".
std::string_view inverse_label(RelationKind kind);

}  // namespace safeboard::register_

namespace safeboard {
template <> inline std::span<const Term<register_::Sector>> terms() { return register_::sectors(); }
template <> inline std::span<const Term<register_::BodyKind>> terms() { return register_::body_kinds(); }
template <> inline std::span<const Term<register_::SeatRole>> terms() { return register_::seat_roles(); }
template <> inline std::span<const Term<register_::RelationKind>> terms() { return register_::relation_kinds(); }
}  // namespace safeboard
