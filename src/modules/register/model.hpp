#pragma once
// The partnership register: who is in a partnership and how it is organised.
// Plain structs; the vocabularies (sectors, kinds of body, roles on a body,
// relations) and their words are in vocabulary.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace safeboard::register_ {

struct Partnership {
    std::int64_t id = 0;
    std::string code;  // short, stable, lower-case: "southend", "essex", "set"
    std::string name;  // "Southend Local Safeguarding Children Board"
};

enum class Sector { local_authority, police, health_commissioner, nhs_trust, education, probation, voluntary, fire, other };
enum class BodyKind { board, executive, sub_group, panel, stay_safe_group, task_and_finish_group, assembly, external_board };
enum class SeatRole { chair, vice_chair, member, observer, adviser, lay_member };
enum class RelationKind { reports_to, scrutinises, escalates_to, links_with };

// What an organisation is to one partnership.
struct PartnerStatus {
    std::int64_t partnership_id = 0;
    std::string partnership_code;
    bool statutory_partner = false;
    bool relevant_agency = false;
    std::vector<std::string> lead_areas;  // "ratifies the decisions of the ... sub-committee"
};

struct Organisation {
    std::int64_t id = 0;
    std::string name;
    std::string short_name;
    Sector sector = Sector::other;
    std::optional<std::int64_t> parent_id;
    std::string parent_name;  // filled when read
    std::optional<std::string> active_from;  // YYYY-MM-DD
    std::optional<std::string> active_to;
    std::vector<PartnerStatus> partnerships;  // filled when read
};

struct Person {
    std::int64_t id = 0;
    std::string name;
    std::string job_title;
    std::optional<std::int64_t> organisation_id;
    std::string organisation_name;  // filled when read
    std::string email;
    std::string phone;
};

struct Body {
    std::int64_t id = 0;
    std::string name;
    std::string short_name;
    BodyKind kind = BodyKind::sub_group;
    std::string purpose;
    std::string terms_of_reference;
    std::string meeting_frequency;  // "4 times a year"
    std::vector<std::int64_t> partnership_ids;
    std::vector<std::string> partnership_codes;  // filled when read, in id order
};

// A line between two bodies: from reports to / scrutinises / ... to.
struct Relation {
    std::int64_t id = 0;
    std::int64_t from_body_id = 0;
    std::string from_body_name;
    std::int64_t to_body_id = 0;
    std::string to_body_name;
    RelationKind kind = RelationKind::reports_to;
};

struct Membership {
    std::int64_t id = 0;
    std::int64_t body_id = 0;
    std::string body_name;  // filled when read
    std::string seat_title;  // as in the source: "Designated Doctor"
    SeatRole role = SeatRole::member;
    std::optional<std::int64_t> organisation_id;
    std::string organisation_name;
    std::optional<std::int64_t> person_id;
    std::string person_name;
    std::string vacancy;  // the source's words when vacant: "To be identified"
    std::optional<std::string> starts_on;
    std::optional<std::string> ends_on;

    // Vacant: the source says so ("To be identified"). A seat held by an
    // organisation, or by nobody named, without such words is not vacant,
    // but still has no person (the vacancies report lists both).
    bool vacant() const { return !vacancy.empty(); }
    // Ended before a date (YYYY-MM-DD): history rather than a seat held or to come.
    bool ended_by(const std::string& date) const { return ends_on && *ends_on < date; }
    // Current on a date (YYYY-MM-DD): started by then and not ended before it.
    bool current_on(const std::string& date) const {
        return (!starts_on || *starts_on <= date) && (!ends_on || *ends_on >= date);
    }
};

}  // namespace safeboard::register_
