#include "modules/plans/import.hpp"

#include <functional>

#include "modules/plans/rules.hpp"
#include "modules/plans/store.hpp"
#include "platform/core/text.hpp"
#include "platform/imports/run_import.hpp"

namespace safeboard::plans {

namespace {

using RowSave = std::function<Result<SaveResult>(const Fields&)>;

// The one import run (platform/imports), saving each row's fields.
ImportReport import_rows(db::Connection& db, std::string_view bytes, const std::vector<std::string>& columns,
                         std::string_view kind, std::string_view target, const audit::Actor& actor,
                         const RowSave& save) {
    return imports::run_import(db, bytes, columns, kind, target, actor,
                               [&](const tabular::FieldRow& row) -> Result<imports::RowSaved> {
                                   auto saved = save(row.fields);
                                   if (!saved) return std::unexpected(saved.error());
                                   return saved->saved;
                               });
}

// The recommendation columns of a row, and whether the row carries an action.
Fields recommendation_part(const Fields& row) {
    Fields part;
    for (const auto& column : recommendation_columns()) {
        if (column == "action") break;
        if (auto it = row.find(column); it != row.end()) part[column] = it->second;
    }
    return part;
}

}  // namespace

ImportReport import_actions(db::Connection& db, const Plan& plan, std::string_view bytes,
                            const access::ScopeFilter& reach, const audit::Actor& actor) {
    return import_rows(db, bytes, action_columns(), "actions", "plan:" + std::to_string(plan.id), actor,
                       [&](const Fields& f) {
                           return save_plan_action(db, plan, f, {Target::Mode::by_key, 0}, reach, actor);
                       });
}

ImportReport import_recommendations(db::Connection& db, std::int64_t partnership_id, std::string_view bytes,
                                    const access::ScopeFilter& reach, const audit::Actor& actor) {
    return import_rows(db, bytes, recommendation_columns(), "recommendations", std::to_string(partnership_id), actor,
                       [&](const Fields& f) -> Result<SaveResult> {
                           // A further action of a recommendation may leave its columns empty.
                           auto part = recommendation_part(f);
                           auto known = find_recommendation_numbered(db, partnership_id, part["source_reference"],
                                                                     part["number"]);
                           auto saved = known && trim(part["recommendation"]).empty()
                                            ? Result<SaveResult>(SaveResult{known->id, Saved::unchanged})
                                            : save_recommendation(db, part, partnership_id,
                                                                  {Target::Mode::by_key, 0}, reach, actor);
                           auto action = f.find("action");
                           if (!saved || action == f.end() || action->second.empty()) return saved;
                           auto recommendation = *find_recommendation(db, saved->id);
                           // "number" in a row is the recommendation's; its actions are numbered in turn.
                           auto action_part = f;
                           action_part.erase("number");
                           auto with_action = save_recommendation_action(db, recommendation, action_part,
                                                                         {Target::Mode::by_key, 0}, reach, actor);
                           if (!with_action) return with_action;
                           if (saved->saved == Saved::unchanged) saved->saved = with_action->saved;
                           return saved;
                       });
}

Sheet export_actions(db::Connection& db, const Plan& plan) {
    Sheet sheet{action_columns(), {}};
    ActionQuery query;
    query.reach.everything = true;
    query.plan = plan.id;
    auto objectives = objectives_of(db, plan.id);
    std::vector<Action> previous;
    if (plan.previous_plan_id) {
        ActionQuery earlier = query;
        earlier.plan = plan.previous_plan_id;
        previous = all_actions(db, earlier);
    }
    for (const auto& action : all_actions(db, query)) {
        sheet.rows.push_back(tabular::cells(fields_of(action, objectives, previous), sheet.header));
    }
    return sheet;
}

Sheet export_recommendations(db::Connection& db, std::int64_t partnership_id) {
    Sheet sheet{recommendation_columns(), {}};
    RecommendationQuery query;
    query.reach.everything = true;
    query.partnership = partnership_id;
    query.limit = 1000;
    for (;;) {
        auto page = list_recommendations(db, query);
        for (const auto& r : page) {
            ActionQuery actions;
            actions.reach.everything = true;
            actions.recommendation = r.id;
            auto list = all_actions(db, actions);
            if (list.empty()) sheet.rows.push_back(tabular::cells(fields_of(r, nullptr), sheet.header));
            for (const auto& a : list) sheet.rows.push_back(tabular::cells(fields_of(r, &a), sheet.header));
        }
        if (page.size() < static_cast<std::size_t>(query.limit)) break;
        query.after = page.back().id;
    }
    return sheet;
}

}  // namespace safeboard::plans
