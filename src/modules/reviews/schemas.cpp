// The JSON schemas of the learning reviews API (OpenAPI
// components/schemas): every property each answer carries, as json_view.cpp
// and the route files write them. Every listed property is always present.
#include <boost/json.hpp>

#include "modules/reviews/module.hpp"
#include "platform/api/schema.hpp"

namespace safeboard::reviews {

namespace {

namespace json = boost::json;
using namespace api::schema;

json::object clock_step() {
    return object_schema({{"step", text("The step's code in the clock rules")},
                          {"label", text()},
                          {"source", text("Where the rule comes from")},
                          {"starts_on", nullable("string", "YYYY-MM-DD; null until its start event")},
                          {"due_on", nullable("string", "YYYY-MM-DD")},
                          {"done_on", nullable("string", "YYYY-MM-DD")},
                          {"done", boolean()},
                          {"working_days_left", nullable("integer")},
                          {"overdue", boolean()},
                          {"late", boolean("Done after its due day")}});
}

json::object clock() {
    return object_schema({{"case", id()},
                          {"reference", text()},
                          {"status", text("open or closed")},
                          {"on", text("The day the clock is read on")},
                          {"steps", array_of(clock_step())}});
}

json::object deadline() {
    return object_schema({{"case", id()},
                          {"reference", text()},
                          {"step", text()},
                          {"label", text()},
                          {"due_on", text()},
                          {"working_days_left", integer("Negative when overdue")},
                          {"overdue", boolean()},
                          {"href", text("The case's page")}});
}

json::object missing_confirmation() {
    json::object schema = object_schema({{"case", id()},
                                         {"organisation", id()},
                                         {"level", text("practitioners, managers or governance")}});
    schema["properties"].as_object()["organisation_name"] = text("On a case's own dissemination");
    return schema;
}

json::object action() {
    return object_schema({{"id", id()},
                          {"number", text()},
                          {"action", text()},
                          {"target_date", nullable("string", "YYYY-MM-DD")},
                          {"responsibility", text()},
                          {"operational_lead", text()},
                          {"senior_lead", text()},
                          {"status", text()},
                          {"rag", nullable("string")},
                          {"last_update_on", nullable("string")},
                          {"overdue", boolean()},
                          {"no_recent_update", boolean("No progress reported in the last quarter")},
                          {"href", text()}});
}

json::object recommendation() {
    return object_schema(
        {{"id", id()},
         {"number", text()},
         {"recommendation", text()},
         {"owner", text("The owning organisation, or the wording given")},
         {"acceptance", nullable("string")},
         {"resource_implications", text()},
         {"status", text()},
         {"sign_off", json::object{{"type", json::array{"object", "null"}},
                                   {"properties", json::object{{"signed_off_by", id()},
                                                               {"signed_off_by_name", text()},
                                                               {"signed_off_on", text()}}}}},
         {"actions", array_of(action())},
         {"exceptions", array_of(text("Not signed off, no action, overdue, off track, no progress this quarter"))},
         {"href", text()}});
}

json::object dissemination() {
    return object_schema(
        {{"case", id()},
         {"confirmations", array_of(object_schema({{"organisation", id()},
                                                   {"organisation_name", text()},
                                                   {"level", text("practitioners, managers or governance")},
                                                   {"confirmed_on", text()},
                                                   {"evidence", text()}}))},
         {"missing", array_of(missing_confirmation())}});
}

}  // namespace

void add_schemas(api::ApiInfo& api) {
    api.schemas["ReviewClock"] = clock();
    api.schemas["AgencyReport"] = object_schema({{"id", id()},
                                                 {"organisation", id()},
                                                 {"organisation_name", text()},
                                                 {"due_on", text()},
                                                 {"senior_manager", optional_id("The person to chase")},
                                                 {"received_on", nullable("string")}});
    api.schemas["TermsOfReference"] = object_schema({{"id", id()},
                                                     {"version", integer()},
                                                     {"summary", text()},
                                                     {"signed_off_by", optional_id("The chair")},
                                                     {"signed_off_on", nullable("string")}});
    api.schemas["ReviewRecommendation"] = recommendation();
    api.schemas["Dissemination"] = dissemination();
    auto base = object_schema(
        {{"id", id()},
         {"partnership", id()},
         {"reference", text("Pseudonymous: Child A / 2008")},
         {"incident_on", text()},
         {"became_aware_on", text("The day the local authority became aware: the clock starts")},
         {"status", text("open or closed")},
         {"decision", json::object{{"type", json::array{"object", "null"}},
                                   {"properties", json::object{{"decision", text()},
                                                               {"label", text()},
                                                               {"ratified_by", id()},
                                                               {"ratified_by_name", text()},
                                                               {"ratified_on", text()}}}}},
         {"agencies", array_of(object_schema({{"id", id()}, {"name", text()}}))},
         {"steps", typed("object", "Each step done, by its code: {done_on, evidence}")},
         {"learning", text("The lessons")},
         {"created_at", text()},
         {"updated_at", text()}});
    // In a list, each case with its next deadline.
    auto summary = base;
    summary["properties"].as_object()["next_deadline"] = json::object{{"oneOf", json::array{deadline(), json::object{{"type", "null"}}}}};
    summary["required"].as_array().emplace_back("next_deadline");
    api.schemas["ReviewSummary"] = std::move(summary);
    // Read whole (what every route about one case answers): with its records.
    auto& properties = base["properties"].as_object();
    properties["clock"] = ref("ReviewClock");
    properties["terms_of_reference"] = array_of(ref("TermsOfReference"));
    properties["agency_reports"] = array_of(ref("AgencyReport"));
    properties["recommendations"] = array_of(ref("ReviewRecommendation"));
    properties["dissemination"] = ref("Dissemination");
    for (const char* name : {"clock", "terms_of_reference", "agency_reports", "recommendations", "dissemination"}) {
        base["required"].as_array().emplace_back(name);
    }
    api.schemas["Review"] = std::move(base);
    api.schemas["ReviewDeadlines"] = object_schema({{"on", text()},
                                                    {"deadlines", array_of(deadline())},
                                                    {"missing_confirmations", array_of(missing_confirmation())}});
    auto exception = recommendation();
    exception["properties"].as_object()["case"] = id();
    exception["properties"].as_object()["reference"] = text();
    api.schemas["ReviewRecommendationExceptions"] =
        object_schema({{"on", text()}, {"recommendations", array_of(std::move(exception))}});
    api.schemas["SensitiveDetails"] = object_schema(
        {{"case", id()}, {"details", typed("object", "Field name → text, decrypted; every read is audited")}});
    api.schemas["SensitiveDetailsStored"] =
        object_schema({{"case", id()}, {"stored", integer("How many fields are kept")}});
}

}  // namespace safeboard::reviews
