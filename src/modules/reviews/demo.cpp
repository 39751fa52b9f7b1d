// The demo's learning reviews: data/demo/<partnership>/reviews.json lists
// cases, each with what happened to it in order (steps, the decision, terms
// of reference, agency reports, recommendations and their sign-off, learning
// shared). Everything goes through the ordinary saves, so the demo obeys the
// same rules as anyone's records. A case already there is left as it is.
#include <stdexcept>

#include <boost/json.hpp>

#include "modules/plans/store.hpp"
#include "modules/register/store.hpp"
#include "modules/reviews/module.hpp"
#include "modules/reviews/save.hpp"
#include "modules/reviews/store.hpp"
#include "platform/calendar/uk_time.hpp"

SAFEBOARD_EMBEDDED_TABLE(reviews_demo)

namespace safeboard::reviews {

namespace {

namespace json = boost::json;

Fields fields_of(const json::value& value) {
    Fields fields;
    for (const auto& [key, text] : value.as_object()) fields[std::string(key)] = std::string(text.as_string());
    return fields;
}

void must(const Status& status, const std::string& what) {
    if (status) return;
    std::string detail = status.error().message;
    for (const auto& field : status.error().fields) detail += "; " + field.field + ": " + field.message;
    throw std::runtime_error("demo review " + what + ": " + detail);
}

template <typename T>
T must(Result<T> result, const std::string& what) {
    must(status_of(result), what);
    return *result;
}

// One thing that happened to the case, through the save that records it.
void apply(db::Connection& db, std::int64_t case_id, const json::object& event, const std::string& today,
           const audit::Actor& actor) {
    auto c = *find_case(db, case_id);
    std::string kind(event.at("do").as_string());
    auto fields = fields_of(event.at("fields"));
    auto what = c.reference + " " + kind;
    if (kind == "step") must(save_step(db, c, fields, today, actor), what);
    else if (kind == "decision") must(save_decision(db, c, fields, today, actor), what);
    else if (kind == "agency_report") must(save_agency_report(db, c, fields, std::nullopt, today, actor), what);
    else if (kind == "confirmation") must(save_confirmation(db, c, fields, today, actor), what);
    else if (kind == "recommendation") {
        access::ScopeFilter everything{true, {}};
        must(save_recommendation(db, c, fields, everything, actor), what);
    } else if (kind == "sign_off") {
        auto recommendation = plans::find_recommendation_numbered(db, c.partnership_id, c.reference,
                                                                  std::string(event.at("number").as_string()));
        if (!recommendation) throw std::runtime_error("demo review " + what + ": no such recommendation");
        must(sign_off_recommendation(db, c, recommendation->id, fields, today, actor), what);
    } else if (kind == "terms") {
        auto id = must(save_terms_of_reference(db, c, fields, actor), what);
        if (auto it = event.find("sign_off"); it != event.end()) {
            must(sign_off_terms(db, *find_case(db, case_id), id, fields_of(it->value()), today, actor), what);
        }
    } else {
        throw std::runtime_error("demo review " + what + ": unknown event");
    }
}

void load_file(db::Connection& db, std::string_view content, const audit::Actor& actor, DemoSummary& summary) {
    auto file = json::parse(content).as_object();
    std::string code(file.at("partnership").as_string());
    auto partnership = register_::find_partnership_by_code(db, code);
    if (!partnership) throw std::runtime_error("demo reviews: no partnership " + code);
    auto today = calendar::uk_today(system_now());
    for (const auto& entry : file.at("cases").as_array()) {
        const auto& item = entry.as_object();
        auto fields = fields_of(item.at("case"));
        ++summary.cases;
        if (find_case_by_reference(db, partnership->id, fields["reference"])) continue;
        db::Transaction transaction(db);
        auto id = must(save_case(db, fields, partnership->id, std::nullopt, today, actor), fields["reference"]);
        for (const auto& event : item.at("then").as_array()) apply(db, id, event.as_object(), today, actor);
        transaction.commit();
        ++summary.cases_added;
    }
}

}  // namespace

DemoSummary load_demo(db::Connection& db, const audit::Actor& actor) {
    DemoSummary summary;
    for (const auto& file : embed::tables::reviews_demo()) load_file(db, file.content, actor, summary);
    return summary;
}

}  // namespace safeboard::reviews
