// The demo's performance framework: data/demo/<partnership>/performance.json
// gives the settings, the indicators with their targets, the value files to
// import in order, and the queries and acceptances the business unit made.
// Everything goes through the ordinary rules, saves and import.
#include <boost/json.hpp>
#include <stdexcept>

#include "modules/performance/import.hpp"
#include "modules/performance/module.hpp"
#include "modules/performance/save.hpp"
#include "modules/performance/vocabulary.hpp"
#include "modules/register/store.hpp"
#include "platform/core/time.hpp"

SAFEBOARD_EMBEDDED_TABLE(performance_demo)

namespace safeboard::performance {

namespace {

std::optional<std::string_view> demo_file(std::string_view path) {
    for (const auto& file : embed::tables::performance_demo()) {
        if (file.path == path) return file.content;
    }
    return std::nullopt;
}

std::string text(const boost::json::object& object, std::string_view key) {
    auto it = object.find(key);
    return it == object.end() ? std::string() : std::string(it->value().as_string());
}

// The object's text members as fields.
Fields fields_of(const boost::json::object& object) {
    Fields f;
    for (const auto& [key, value] : object) {
        if (value.is_string()) f[std::string(key)] = std::string(value.as_string());
    }
    return f;
}

template <typename T>
T loaded(Result<T> result, const std::string& what) {
    if (!result) {
        auto detail = result.error().fields.empty()
                          ? result.error().message
                          : result.error().fields.front().field + ": " + result.error().fields.front().message;
        throw std::runtime_error("demo performance " + what + ": " + detail);
    }
    return *result;
}

std::size_t load_indicators(db::Connection& db, std::int64_t partnership_id, const boost::json::array& list,
                            const audit::Actor& actor) {
    for (const auto& entry : list) {
        const auto& object = entry.as_object();
        auto code = text(object, "code");
        auto existing = find_indicator_by_code(db, partnership_id, code);
        db::Transaction transaction(db);
        auto id = loaded(save_indicator(db, partnership_id, fields_of(object),
                                        existing ? std::optional(existing->id) : std::nullopt, actor),
                         "indicator " + code);
        auto indicator = *find_indicator(db, id);
        if (auto targets = object.find("targets"); targets != object.end()) {
            for (const auto& target : targets->value().as_array())
                loaded(set_target(db, indicator, fields_of(target.as_object()), actor), "target of " + code);
        }
        transaction.commit();
    }
    return list.size();
}

std::size_t import_files(db::Connection& db, std::int64_t partnership_id, const std::string& folder,
                         const boost::json::array& files, const audit::Actor& actor) {
    std::size_t rows = 0;
    for (const auto& entry : files) {
        auto path = folder + "/" + std::string(entry.as_string());
        auto content = demo_file(path);
        if (!content) throw std::runtime_error("demo file " + path + " is missing");
        auto report = import_values(db, partnership_id, *content, actor, today_utc());
        if (!report.ok()) {
            const auto& first = report.problems.front();
            throw std::runtime_error("demo file " + path + " line " + std::to_string(first.line) + " " + first.column +
                                     ": " + first.message);
        }
        rows += report.rows;
    }
    return rows;
}

// The returns a step names: one organisation's, or "all" submitted returns of the period.
std::vector<Return> returns_named(db::Connection& db, const Period& period, const boost::json::object& step) {
    auto who = text(step, "organisation");
    if (who == "all") return returns_of_period(db, period.id);
    std::vector<Return> named;
    for (auto& r : returns_of_period(db, period.id)) {
        if (r.returner_name == who) named.push_back(std::move(r));
    }
    if (named.empty()) throw std::runtime_error("demo performance step: no return of " + who + " in " + period.name);
    return named;
}

// A query or an acceptance made on the step's day; one already made is left alone.
std::size_t take_steps(db::Connection& db, std::int64_t partnership_id, const boost::json::array& steps,
                       const audit::Actor& actor) {
    std::size_t taken = 0;
    for (const auto& entry : steps) {
        const auto& object = entry.as_object();
        auto step = parse_term<Step>(text(object, "step")).value_or(Step::accept);
        Stamp stamp{iso_utc(*parse_date(text(object, "on")) + 9 * 3600), actor.label};
        db::Transaction transaction(db);
        auto period =
            loaded(period_for(db, partnership_id, text(object, "period_start"), text(object, "period_end"), actor),
                   "step period");
        for (const auto& ret : returns_named(db, period, object)) {
            if (ret.status != ReturnStatus::submitted) continue;
            auto after = loaded(step_return(ret, step, text(object, "text"), stamp), "step");
            record_step(db, after, step, text(object, "text"), actor, Audit::each);
            ++taken;
        }
        transaction.commit();
    }
    return taken;
}

void load_partnership(db::Connection& db, const register_::Partnership& partnership, std::string_view json,
                      const audit::Actor& actor, DemoSummary& summary) {
    auto document = boost::json::parse(json).as_object();
    {
        db::Transaction transaction(db);
        loaded(change_settings(db, partnership.id, fields_of(document.at("settings").as_object()), actor), "settings");
        transaction.commit();
    }
    summary.indicators += load_indicators(db, partnership.id, document.at("indicators").as_array(), actor);
    summary.values += import_files(db, partnership.id, partnership.code, document.at("files").as_array(), actor);
    summary.steps += take_steps(db, partnership.id, document.at("steps").as_array(), actor);
}

}  // namespace

DemoSummary load_demo(db::Connection& db, const audit::Actor& actor) {
    DemoSummary summary;
    for (const auto& partnership : register_::list_partnerships(db, 1000, std::nullopt, {true, {}})) {
        if (auto json = demo_file(partnership.code + "/performance.json"))
            load_partnership(db, partnership, *json, actor, summary);
    }
    return summary;
}

}  // namespace safeboard::performance
