// The demo's plans and recommendations: data/demo/<partnership>/plans.json
// names each plan, its priorities and its actions file; recommendations.csv
// is a partnership's register. Both go through the ordinary imports.
#include <map>
#include <stdexcept>

#include <boost/json.hpp>

#include "modules/plans/import.hpp"
#include "modules/plans/module.hpp"
#include "modules/plans/rules.hpp"
#include "modules/plans/store.hpp"
#include "modules/register/store.hpp"
#include "platform/embed/embedded.hpp"

SAFEBOARD_EMBEDDED_TABLE(plans_demo)

namespace safeboard::plans {

namespace {

std::optional<std::string_view> demo_file(std::string_view path) {
    for (const auto& file : embed::tables::plans_demo()) {
        if (file.path == path) return file.content;
    }
    return std::nullopt;
}

std::string text(const boost::json::object& object, std::string_view key) {
    auto it = object.find(key);
    if (it == object.end()) return {};
    if (it->value().is_int64()) return std::to_string(it->value().as_int64());
    return std::string(it->value().as_string());
}

void check(const ImportReport& report, const std::string& path) {
    if (report.ok()) return;
    const auto& first = report.problems.front();
    throw std::runtime_error("demo file " + path + " line " + std::to_string(first.line) + " " + first.column + ": " +
                             first.message);
}

template <typename T>
T saved(Result<T> result, const std::string& what) {
    if (!result) throw std::runtime_error("demo " + what + ": " + result.error().message);
    return *result;
}

// One plan of plans.json: the plan, its priorities, its actions, its review.
void load_plan(db::Connection& db, const boost::json::object& object, std::int64_t partnership_id,
               std::map<std::string, std::int64_t>& keys, const std::string& folder, const audit::Actor& actor,
               DemoSummary& summary) {
    auto title = text(object, "title");
    std::int64_t id = 0;
    {
        db::Transaction transaction(db);
        Fields fields{{"title", title},
                      {"starts_on", text(object, "starts_on")},
                      {"ends_on", text(object, "ends_on")},
                      {"year_starts_month", text(object, "year_starts_month")}};
        id = saved(save_plan(db, fields, partnership_id, {Target::Mode::by_key, 0}, actor), title).id;
        auto plan = *find_plan(db, id);
        if (auto previous = keys.find(text(object, "previous")); previous != keys.end()) {
            plan.previous_plan_id = previous->second;
        }
        if (auto reviewed = text(object, "reviewed_on"); !reviewed.empty()) plan.reviewed_on = reviewed;
        update_plan(db, plan, actor);
        for (const auto& item : object.at("priorities").as_array()) {
            const auto& priority = item.as_object();
            saved(save_priority(db, plan, {{"code", text(priority, "code")}, {"title", text(priority, "title")}}, actor),
                  title);
        }
        transaction.commit();
    }
    keys[text(object, "key")] = id;
    ++summary.plans;
    auto path = folder + "/" + text(object, "actions");
    if (auto content = demo_file(path)) {
        auto report = import_actions(db, *find_plan(db, id), *content, {true, {}}, actor);
        check(report, path);
        summary.actions += report.rows;
    }
}

}  // namespace

DemoSummary load_demo(db::Connection& db, const audit::Actor& actor) {
    DemoSummary summary;
    for (const auto& partnership : register_::list_partnerships(db, 1000, std::nullopt, {true, {}})) {
        if (auto json = demo_file(partnership.code + "/plans.json")) {
            std::map<std::string, std::int64_t> keys;
            auto document = boost::json::parse(*json);
            for (const auto& item : document.as_object().at("plans").as_array()) {
                load_plan(db, item.as_object(), partnership.id, keys, partnership.code, actor, summary);
            }
        }
        auto path = partnership.code + "/recommendations.csv";
        if (auto content = demo_file(path)) {
            auto report = import_recommendations(db, partnership.id, *content, {true, {}}, actor);
            check(report, path);
            summary.recommendations += report.rows;
        }
    }
    return summary;
}

}  // namespace safeboard::plans
