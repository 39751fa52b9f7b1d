// The forward plan by month, the agenda made from it, and carrying forward
// what a meeting did not take.
#include <algorithm>
#include <map>

#include "modules/meetings/rules.hpp"

namespace safeboard::meetings {

namespace {

bool plan_order(const ForwardPlanItem& a, const ForwardPlanItem& b) {
    if (a.planned_month != b.planned_month) return a.planned_month < b.planned_month;
    if (a.position != b.position) return a.position < b.position;
    return a.id < b.id;
}

}  // namespace

std::vector<PlanMonth> by_month(std::vector<ForwardPlanItem> items) {
    std::stable_sort(items.begin(), items.end(), plan_order);
    std::vector<PlanMonth> months;
    for (auto& item : items) {
        if (months.empty() || months.back().month != item.planned_month) months.push_back({item.planned_month, {}});
        months.back().items.push_back(std::move(item));
    }
    return months;
}

AgendaType agenda_type_for(ItemKind kind) {
    switch (kind) {
        case ItemKind::standing: return AgendaType::standing;
        case ItemKind::annual_report:
        case ItemKind::business_plan: return AgendaType::decision;
        case ItemKind::other: return AgendaType::discussion;
        case ItemKind::agency_report:
        case ItemKind::audit_report:
        case ItemKind::subgroup_report:
        case ItemKind::report: return AgendaType::information;
    }
    return AgendaType::information;
}

std::vector<AgendaItem> agenda_from_plan(const Meeting& meeting, const std::vector<ForwardPlanItem>& plan) {
    if (meeting.status == MeetingStatus::cancelled) return {};
    std::vector<ForwardPlanItem> due;
    for (const auto& item : plan) {
        if (item.body_id == meeting.body_id && item.planned_month == meeting.month() &&
            item.status == ItemStatus::planned) {
            due.push_back(item);
        }
    }
    std::stable_sort(due.begin(), due.end(), plan_order);
    std::vector<AgendaItem> agenda;
    for (const auto& item : due) {
        AgendaItem a;
        a.meeting_id = meeting.id;
        a.title = item.title;
        a.type = agenda_type_for(item.kind);
        if (item.organisation_id) {
            a.link_kind = LinkKind::organisation;
            a.link_id = item.organisation_id;
        }
        a.forward_plan_item_id = item.id;
        agenda.push_back(std::move(a));
    }
    return agenda;
}

CarryForward carry_forward(const Meeting& meeting, const std::vector<AgendaItem>& agenda,
                           const std::vector<ForwardPlanItem>& plan, const std::optional<Meeting>& next) {
    CarryForward decisions;
    if (meeting.status != MeetingStatus::held) return decisions;
    std::map<std::int64_t, const ForwardPlanItem*> open;  // on this meeting's agenda and not yet decided
    for (const auto& item : plan) {
        if (item.status == ItemStatus::on_agenda && item.meeting_id == meeting.id) open[item.id] = &item;
    }
    auto month = next ? next->month() : month_after(meeting.month());
    for (const auto& a : agenda) {
        auto found = a.forward_plan_item_id ? open.find(*a.forward_plan_item_id) : open.end();
        if (found == open.end()) continue;
        const auto& item = *found->second;
        open.erase(found);  // an item twice on one agenda is decided once
        if (a.taken) {
            decisions.taken.push_back(item.id);
            continue;
        }
        decisions.carried.push_back(item.id);
        ForwardPlanItem continued = item;
        continued.id = 0;
        continued.planned_month = month;
        continued.position = 0;
        continued.meeting_id.reset();
        continued.status = ItemStatus::planned;
        continued.carried_from_id = item.id;
        decisions.continued.push_back(std::move(continued));
    }
    return decisions;
}

}  // namespace safeboard::meetings
