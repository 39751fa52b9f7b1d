#include "modules/register/vocabulary.hpp"

#include <array>

namespace safeboard::register_ {

namespace {

constexpr std::array<Term<Sector>, 9> sector_terms{{
    {Sector::local_authority, "local_authority", "Local authority"},
    {Sector::police, "police", "Police"},
    {Sector::health_commissioner, "health_commissioner", "Health commissioner"},
    {Sector::nhs_trust, "nhs_trust", "NHS trust"},
    {Sector::education, "education", "Education"},
    {Sector::probation, "probation", "Probation"},
    {Sector::voluntary, "voluntary", "Voluntary"},
    {Sector::fire, "fire", "Fire"},
    {Sector::other, "other", "Other"},
}};

constexpr std::array<Term<BodyKind>, 8> body_kind_terms{{
    {BodyKind::board, "board", "Board"},
    {BodyKind::executive, "executive", "Executive"},
    {BodyKind::sub_group, "sub_group", "Sub-group"},
    {BodyKind::panel, "panel", "Panel"},
    {BodyKind::stay_safe_group, "stay_safe_group", "Stay Safe group"},
    {BodyKind::task_and_finish_group, "task_and_finish_group", "Task and finish group"},
    {BodyKind::assembly, "assembly", "Assembly"},
    {BodyKind::external_board, "external_board", "External board"},
}};

constexpr std::array<Term<SeatRole>, 6> seat_role_terms{{
    {SeatRole::chair, "chair", "Chair"},
    {SeatRole::vice_chair, "vice_chair", "Vice-chair"},
    {SeatRole::member, "member", "Member"},
    {SeatRole::observer, "observer", "Observer"},
    {SeatRole::adviser, "adviser", "Adviser"},
    {SeatRole::lay_member, "lay_member", "Lay member"},
}};

constexpr std::array<Term<RelationKind>, 4> relation_terms{{
    {RelationKind::reports_to, "reports_to", "Reports to"},
    {RelationKind::scrutinises, "scrutinises", "Scrutinises"},
    {RelationKind::escalates_to, "escalates_to", "Escalates to"},
    {RelationKind::links_with, "links_with", "Links with"},
}};

}  // namespace

std::span<const Term<Sector>> sectors() { return sector_terms; }
std::span<const Term<BodyKind>> body_kinds() { return body_kind_terms; }
std::span<const Term<SeatRole>> seat_roles() { return seat_role_terms; }
std::span<const Term<RelationKind>> relation_kinds() { return relation_terms; }

std::string_view inverse_label(RelationKind kind) {
    switch (kind) {
    case RelationKind::reports_to: return "Reported to by";
    case RelationKind::scrutinises: return "Scrutinised by";
    case RelationKind::escalates_to: return "Escalated to by";
    case RelationKind::links_with: return "Links with";
    }
    return {};
}

}  // namespace safeboard::register_
