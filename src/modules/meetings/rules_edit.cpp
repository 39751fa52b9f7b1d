// Changing what is planned and on an agenda: the fields a stored record
// gives back, when an item may be removed, and a partnership's attendance
// settings.
#include "modules/meetings/rules.hpp"

#include "modules/meetings/vocabulary.hpp"
#include "platform/core/fields.hpp"

namespace safeboard::meetings {

namespace {

std::string id_text(const std::optional<std::int64_t>& id) { return id ? std::to_string(*id) : std::string(); }

}  // namespace

Fields forward_plan_item_fields(const ForwardPlanItem& item) {
    return {{"month", item.planned_month},
            {"kind", std::string(code_of(item.kind))},
            {"title", item.title},
            {"organisation", id_text(item.organisation_id)},
            {"subject_body", id_text(item.subject_body_id)},
            {"notes", item.notes}};
}

Fields agenda_item_fields(const AgendaItem& item) {
    return {{"title", item.title},
            {"type", std::string(code_of(item.type))},
            {"presenter", item.presenter},
            {"link_kind", std::string(code_of(item.link_kind))},
            {"link", id_text(item.link_id)},
            {"decision", item.decision},
            {"taken", item.taken ? "yes" : "no"},
            {"position", std::to_string(item.position)}};
}

std::optional<std::string> why_forward_plan_item_stays(const ForwardPlanItem& item) {
    switch (item.status) {
        case ItemStatus::planned: return std::nullopt;
        case ItemStatus::on_agenda:
            return "The item is on a meeting's agenda; take it off the agenda first, and it goes back to the plan";
        case ItemStatus::taken: return "The item was taken at a meeting, so it stays as the meeting's record";
        case ItemStatus::carried:
            return "The item was carried forward from a meeting, so it stays as the history of the item that "
                   "continues it";
    }
    return std::nullopt;
}

std::optional<std::string> why_agenda_item_stays(const AgendaItem& item, std::size_t actions_arising) {
    if (!item.decision.empty()) return "A decision is recorded on the item, so it stays as the meeting's record";
    if (actions_arising > 0) {
        return std::to_string(actions_arising) + " action(s) arose from the item, so it stays as their source";
    }
    return std::nullopt;
}

Result<AttendanceSettings> attendance_settings_from(const Fields& f, const AttendanceSettings& base) {
    FieldErrors errors;
    AttendanceSettings settings = base;
    auto standard_text = fields::get(f, "good_standard");
    auto standard = parse_good_standard(standard_text);
    if (!standard) {
        errors.push_back({"good_standard", standard_text.empty()
                                               ? "Enter the good standard, a percentage like 66"
                                               : "Good standard must be a whole percentage from 1 to 100"});
    }
    auto substitutes = fields::term<SubstituteSetting>(errors, f, "substitutes", "Whom a substitute counts for");
    if (!errors.empty()) return invalid(std::move(errors));
    settings.good_standard = *standard;
    settings.substitutes = *substitutes;
    return settings;
}

}  // namespace safeboard::meetings
