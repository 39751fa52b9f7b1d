#include "modules/meetings/linked.hpp"

#include <algorithm>

#include "modules/meetings/vocabulary.hpp"
#include "modules/plans/store.hpp"
#include "modules/register/store.hpp"
#include "platform/core/text.hpp"

namespace safeboard::meetings {

namespace {

register_::ListQuery within(const register_::Body& body) {
    register_::ListQuery query;
    query.reach.ids = body.partnership_ids;
    query.limit = 500;
    return query;
}

template <typename Record>
std::vector<Choice> choices_of(const std::vector<Record>& records) {
    std::vector<Choice> choices;
    for (const auto& r : records) choices.push_back({r.id, r.name, r.short_name});
    return choices;
}

bool of_body(const register_::Body& body, std::int64_t partnership_id) {
    return std::ranges::find(body.partnership_ids, partnership_id) != body.partnership_ids.end();
}

// The partnerships the linked record belongs to; none when there is no such record.
std::vector<std::int64_t> partnerships_of(db::Connection& db, LinkKind kind, std::int64_t id) {
    switch (kind) {
        case LinkKind::none: return {};
        case LinkKind::plan:
            if (auto plan = plans::find_plan(db, id)) return {plan->partnership_id};
            return {};
        case LinkKind::recommendation:
            if (auto recommendation = plans::find_recommendation(db, id)) return {recommendation->partnership_id};
            return {};
        case LinkKind::action:
            if (auto action = plans::find_action(db, id)) return {action->partnership_id};
            return {};
        case LinkKind::organisation: {
            std::vector<std::int64_t> ids;
            if (auto organisation = register_::find_organisation(db, id)) {
                for (const auto& status : organisation->partnerships) ids.push_back(status.partnership_id);
            }
            return ids;
        }
    }
    return {};
}

std::string recommendation_label(const plans::Recommendation& r) {
    auto source = r.source_reference.empty() ? r.source_title : r.source_reference;
    return source + " " + r.number + ": " + shortened(r.text, 120);
}

}  // namespace

std::vector<Choice> organisation_choices(db::Connection& db, const register_::Body& body) {
    return choices_of(register_::all_organisations(db, within(body)));
}

std::vector<Choice> body_choices(db::Connection& db, const register_::Body& body) {
    return choices_of(register_::all_bodies(db, within(body)));
}

std::vector<Choice> people_choices(db::Connection& db, const register_::Body& body) {
    std::vector<Choice> choices;
    for (const auto& person : register_::all_people(db, within(body))) choices.push_back({person.id, person.name, {}});
    return choices;
}

Result<ForwardPlanItem> forward_plan_item_checked(db::Connection& db, const register_::Body& body,
                                                  const Fields& fields, const ForwardPlanItem& base) {
    return forward_plan_item_from(fields, base, organisation_choices(db, body), body_choices(db, body));
}

Result<AgendaItem> agenda_item_checked(db::Connection& db, const register_::Body& body, const Fields& fields,
                                       const AgendaItem& base) {
    auto item = agenda_item_from(fields, base, people_choices(db, body));
    if (!item) return item;
    if (auto problem = link_problem(db, body, *item)) return invalid({*problem});
    return item;
}

std::optional<FieldError> link_problem(db::Connection& db, const register_::Body& body, const AgendaItem& item) {
    if (item.link_kind == LinkKind::none || !item.link_id) return std::nullopt;
    auto partnerships = partnerships_of(db, item.link_kind, *item.link_id);
    if (std::ranges::any_of(partnerships, [&](std::int64_t id) { return of_body(body, id); })) return std::nullopt;
    auto what = lower_ascii(label_of(item.link_kind));
    return FieldError{"link", "There is no " + what + " " + std::to_string(*item.link_id) + " in " + body.name +
                                  "'s partnership"};
}

std::vector<LinkOption> link_options(db::Connection& db, const register_::Body& body, const AgendaItem& item) {
    std::vector<LinkOption> options;
    for (auto partnership : body.partnership_ids) {
        plans::PlanQuery plans_query;
        plans_query.reach.everything = true;
        plans_query.partnership = partnership;
        plans_query.limit = 200;
        for (const auto& plan : plans::list_plans(db, plans_query)) {
            options.push_back({LinkKind::plan, plan.id, plan.title});
        }
        plans::RecommendationQuery recommendations;
        recommendations.reach.everything = true;
        recommendations.partnership = partnership;
        recommendations.limit = 500;
        for (const auto& r : plans::list_recommendations(db, recommendations)) {
            options.push_back({LinkKind::recommendation, r.id, recommendation_label(r)});
        }
    }
    for (const auto& organisation : organisation_choices(db, body)) {
        options.push_back({LinkKind::organisation, organisation.id, organisation.name});
    }
    bool listed = std::ranges::any_of(options, [&](const LinkOption& o) {
        return o.kind == item.link_kind && item.link_id == o.id;
    });
    if (!listed && item.link_kind != LinkKind::none && item.link_id) {
        auto action = item.link_kind == LinkKind::action ? plans::find_action(db, *item.link_id) : std::nullopt;
        auto label = action ? action->number + " " + shortened(action->title, 120) : std::to_string(*item.link_id);
        options.push_back({item.link_kind, *item.link_id, label});
    }
    for (auto& option : options) option.label = std::string(label_of(option.kind)) + ": " + option.label;
    return options;
}

std::size_t actions_arising_from(db::Connection& db, const AgendaItem& item) {
    plans::ActionQuery query;
    query.reach.everything = true;  // every action of the meeting, whichever partnership recorded it
    query.meeting = item.meeting_id;
    auto actions = plans::all_actions(db, query);
    return static_cast<std::size_t>(
        std::ranges::count_if(actions, [&](const plans::Action& a) { return a.agenda_item_id == item.id; }));
}

}  // namespace safeboard::meetings
