// The attendance arithmetic: per member and per organisation over a period,
// and the headline the Board reads.
#include <algorithm>
#include <map>
#include <tuple>

#include "modules/meetings/rules.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "platform/core/text.hpp"

namespace safeboard::meetings {

namespace {

// What a meeting counts as for one member or organisation: the best of what
// was recorded for its seats there (lower is better).
enum class Outcome { present, substitute, apologies, absent, not_recorded };

Outcome outcome_of(const Attendance* attendance) {
    if (!attendance) return Outcome::not_recorded;
    switch (attendance->status) {
        case AttendanceStatus::present: return Outcome::present;
        case AttendanceStatus::substitute: return Outcome::substitute;
        case AttendanceStatus::apologies: return Outcome::apologies;
        case AttendanceStatus::absent: return Outcome::absent;
    }
    return Outcome::not_recorded;
}

// Each one's best outcome at each meeting: key → meeting id → outcome.
template <typename Key>
using Outcomes = std::map<Key, std::map<std::int64_t, Outcome>>;

template <typename Key>
void note(Outcomes<Key>& outcomes, const Key& key, std::int64_t meeting_id, Outcome outcome) {
    auto [it, added] = outcomes[key].try_emplace(meeting_id, outcome);
    if (!added) it->second = std::min(it->second, outcome);
}

Tally tally_of(const std::map<std::int64_t, Outcome>& meetings, bool substitutes_count, int good_standard) {
    Tally t;
    for (const auto& [meeting, outcome] : meetings) {
        ++t.expected;
        switch (outcome) {
            case Outcome::present: ++t.present; break;
            case Outcome::substitute: ++t.substitutes; break;
            case Outcome::apologies: ++t.apologies; break;
            case Outcome::absent: ++t.absent; break;
            case Outcome::not_recorded: ++t.not_recorded; break;
        }
    }
    t.attended = t.present + (substitutes_count ? t.substitutes : 0);
    t.percentage = percentage(t.attended, t.expected);
    t.meets_standard = t.expected > 0 && t.percentage >= good_standard;
    return t;
}

bool counts_for_organisation(SubstituteSetting s) {
    return s == SubstituteSetting::organisation || s == SubstituteSetting::both;
}
bool counts_for_person(SubstituteSetting s) { return s == SubstituteSetting::person || s == SubstituteSetting::both; }

// A member: the person in the seat, or the seat itself when it names nobody.
using MemberKey = std::tuple<bool, std::int64_t>;  // (is a person, person or membership id)

const Attendance* recorded_for(const MeetingRecord& record, std::int64_t membership_id) {
    for (const auto& a : record.attendance) {
        if (a.membership_id == membership_id) return &a;
    }
    return nullptr;
}

bool counted(const Meeting& meeting, std::string_view from, std::string_view to) {
    auto date = meeting.date();
    return meeting.status == MeetingStatus::held && date >= from && date <= to;
}

}  // namespace

int percentage(int part, int whole) {
    if (whole <= 0) return 0;
    return (200 * part + whole) / (2 * whole);
}

std::string headline(int share, int good_standard, std::string_view meetings_label, int organisations) {
    auto of = meetings_label.empty() ? std::string("meetings") : std::string(meetings_label) + " meetings";
    if (organisations == 0) return "No partner agency representatives were expected at " + of + " in this period";
    return std::to_string(share) + "% of partner agency representatives attended " + std::to_string(good_standard) +
           "% or more of " + of;
}

std::string substitute_rule(SubstituteSetting setting) {
    switch (setting) {
        case SubstituteSetting::organisation:
            return "A substitute counts as attendance for the organisation, not for the member they replaced";
        case SubstituteSetting::person:
            return "A substitute counts as attendance for the member they replaced, not for the organisation";
        case SubstituteSetting::both:
            return "A substitute counts as attendance for the organisation and for the member they replaced";
        case SubstituteSetting::neither: return "A substitute does not count as attendance";
    }
    return {};
}

ReportSettings report_settings(const AttendanceSettings& stored, std::string_view partnership_name) {
    ReportSettings settings;
    settings.good_standard = stored.good_standard;
    settings.substitutes = stored.substitutes;
    if (stored.stored) {
        settings.standard_from = SettingSource::partnership;
        settings.substitutes_from = SettingSource::partnership;
        settings.partnership_name = std::string(partnership_name);
    }
    return settings;
}

namespace {

std::string source_words(SettingSource source, const std::string& partnership_name) {
    if (source == SettingSource::partnership && !partnership_name.empty()) return partnership_name + "'s setting";
    return lower_ascii(label_of(source));
}

}  // namespace

std::string rule_applied(const ReportSettings& settings) {
    return "The good standard (" + std::to_string(settings.good_standard) + "%) is " +
           source_words(settings.standard_from, settings.partnership_name) + "; whom a substitute counts for is " +
           source_words(settings.substitutes_from, settings.partnership_name) + ".";
}

std::string meetings_label(const register_::Body& body) {
    if (body.kind == register_::BodyKind::board) return "Board";
    if (body.kind == register_::BodyKind::executive) return "Executive";
    return body.short_name.empty() ? body.name : body.short_name;
}

AttendanceReport attendance_report(const std::vector<MeetingRecord>& meetings, std::string_view from,
                                   std::string_view to, const ReportSettings& settings) {
    AttendanceReport report;
    report.settings = settings;
    report.substitute_rule = substitute_rule(settings.substitutes);
    report.rule_applied = rule_applied(settings);
    Outcomes<MemberKey> by_member;
    Outcomes<std::int64_t> by_organisation;
    std::map<MemberKey, MemberRow> members;
    std::map<std::int64_t, std::string> organisation_names;
    for (const auto& record : meetings) {
        if (!counted(record.meeting, from, to)) continue;
        ++report.meetings;
        auto date = record.meeting.date();
        for (const auto& seat : record.seats) {
            if (!seat.current_on(date)) continue;
            if (seat.vacant()) {
                ++report.vacant_seats;
                continue;
            }
            const auto* recorded = recorded_for(record, seat.id);
            auto outcome = outcome_of(recorded);
            // Who held the seat then: the record's snapshot, else the register's.
            auto person_id = recorded && recorded->person_id ? recorded->person_id : seat.person_id;
            auto person_name = recorded && recorded->person_id ? recorded->person_name : seat.person_name;
            auto organisation_id =
                recorded && recorded->organisation_id ? recorded->organisation_id : seat.organisation_id;
            auto organisation_name =
                recorded && recorded->organisation_id ? recorded->organisation_name : seat.organisation_name;
            MemberKey key{person_id.has_value(), person_id.value_or(seat.id)};
            note(by_member, key, record.meeting.id, outcome);
            auto& row = members[key];
            row.person_id = person_id;
            if (!person_id) row.membership_id = seat.id;
            row.name = person_id ? person_name : seat.seat_title;
            row.seat_title = seat.seat_title;
            row.organisation_id = organisation_id;
            row.organisation_name = organisation_name;
            if (!organisation_id) continue;
            note(by_organisation, *organisation_id, record.meeting.id, outcome);
            organisation_names[*organisation_id] = organisation_name;
        }
    }
    for (auto& [key, row] : members) {
        row.tally = tally_of(by_member[key], counts_for_person(settings.substitutes), settings.good_standard);
        report.members.push_back(row);
    }
    for (const auto& [id, outcomes] : by_organisation) {
        OrganisationRow row{id, organisation_names[id],
                            tally_of(outcomes, counts_for_organisation(settings.substitutes), settings.good_standard)};
        if (row.tally.meets_standard) ++report.organisations_meeting_standard;
        report.organisations.push_back(std::move(row));
    }
    std::stable_sort(report.members.begin(), report.members.end(), [](const MemberRow& a, const MemberRow& b) {
        return std::pair(lower_ascii(a.name), lower_ascii(a.organisation_name)) <
               std::pair(lower_ascii(b.name), lower_ascii(b.organisation_name));
    });
    std::stable_sort(
        report.organisations.begin(), report.organisations.end(),
        [](const OrganisationRow& a, const OrganisationRow& b) { return lower_ascii(a.name) < lower_ascii(b.name); });
    auto organisations = static_cast<int>(report.organisations.size());
    report.share = percentage(report.organisations_meeting_standard, organisations);
    report.headline = headline(report.share, settings.good_standard, settings.meetings_label, organisations);
    return report;
}

}  // namespace safeboard::meetings
