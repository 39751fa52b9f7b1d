#include "modules/meetings/vocabulary.hpp"

#include <array>

namespace safeboard::meetings {

namespace {

constexpr std::array<Term<MeetingStatus>, 4> meeting_status_terms{{
    {MeetingStatus::planned, "planned", "Planned"},
    {MeetingStatus::confirmed, "confirmed", "Confirmed"},
    {MeetingStatus::held, "held", "Held"},
    {MeetingStatus::cancelled, "cancelled", "Cancelled"},
}};

constexpr std::array<Term<AttendanceStatus>, 4> attendance_status_terms{{
    {AttendanceStatus::present, "present", "Present"},
    {AttendanceStatus::apologies, "apologies", "Apologies"},
    {AttendanceStatus::substitute, "substitute", "Substitute"},
    {AttendanceStatus::absent, "absent", "Absent"},
}};

constexpr std::array<Term<ItemKind>, 8> item_kind_terms{{
    {ItemKind::standing, "standing", "Standing item"},
    {ItemKind::agency_report, "agency_report", "Agency annual safeguarding report and Section 11 audit"},
    {ItemKind::audit_report, "audit_report", "Audit report"},
    {ItemKind::subgroup_report, "subgroup_report", "Sub group report"},
    {ItemKind::report, "report", "Other report or presentation"},
    {ItemKind::annual_report, "annual_report", "Annual report"},
    {ItemKind::business_plan, "business_plan", "Business plan"},
    {ItemKind::other, "other", "Other"},
}};

constexpr std::array<Term<ItemStatus>, 4> item_status_terms{{
    {ItemStatus::planned, "planned", "Planned"},
    {ItemStatus::on_agenda, "on_agenda", "On the agenda"},
    {ItemStatus::taken, "taken", "Taken"},
    {ItemStatus::carried, "carried", "Carried forward"},
}};

constexpr std::array<Term<AgendaType>, 4> agenda_type_terms{{
    {AgendaType::decision, "decision", "For decision"},
    {AgendaType::discussion, "discussion", "For discussion"},
    {AgendaType::information, "information", "For information"},
    {AgendaType::standing, "standing", "Standing item"},
}};

constexpr std::array<Term<LinkKind>, 5> link_kind_terms{{
    {LinkKind::none, "none", "Nothing"},
    {LinkKind::plan, "plan", "Business plan"},
    {LinkKind::recommendation, "recommendation", "Recommendation"},
    {LinkKind::action, "action", "Action"},
    {LinkKind::organisation, "organisation", "Agency"},
}};

constexpr std::array<Term<SubstituteSetting>, 4> substitute_setting_terms{{
    {SubstituteSetting::organisation, "organisation", "For the organisation"},
    {SubstituteSetting::person, "person", "For the person"},
    {SubstituteSetting::both, "both", "For the organisation and the person"},
    {SubstituteSetting::neither, "neither", "For neither"},
}};

constexpr std::array<Term<FeedKind>, 2> feed_kind_terms{{
    {FeedKind::body, "body", "Body"},
    {FeedKind::person, "person", "Person"},
}};

constexpr std::array<Term<SettingSource>, 3> setting_source_terms{{
    {SettingSource::built_in, "default", "The default"},
    {SettingSource::partnership, "partnership", "The partnership's setting"},
    {SettingSource::request, "request", "Chosen for this report"},
}};

}  // namespace

std::span<const Term<MeetingStatus>> meeting_statuses() { return meeting_status_terms; }
std::span<const Term<AttendanceStatus>> attendance_statuses() { return attendance_status_terms; }
std::span<const Term<ItemKind>> item_kinds() { return item_kind_terms; }
std::span<const Term<ItemStatus>> item_statuses() { return item_status_terms; }
std::span<const Term<AgendaType>> agenda_types() { return agenda_type_terms; }
std::span<const Term<LinkKind>> link_kinds() { return link_kind_terms; }
std::span<const Term<SubstituteSetting>> substitute_settings() { return substitute_setting_terms; }
std::span<const Term<FeedKind>> feed_kinds() { return feed_kind_terms; }
std::span<const Term<SettingSource>> setting_sources() { return setting_source_terms; }

}  // namespace safeboard::meetings
