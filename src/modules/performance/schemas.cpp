// The JSON schemas of the performance API (OpenAPI components/schemas):
// every property each answer carries, as json_view.cpp and the route files
// write them. Every listed property is always present.
#include <boost/json.hpp>

#include "modules/performance/module.hpp"
#include "platform/api/schema.hpp"

namespace safeboard::performance {

namespace {

namespace json = boost::json;
using namespace api::schema;

json::value stamp() {
    return json::object{{"type", json::array{"object", "null"}},
                        {"properties", json::object{{"at", text("UTC, ISO 8601")}, {"by", text("Who")}}}};
}

json::value target() {
    return json::object{
        {"type", json::array{"object", "null"}},
        {"properties", json::object{{"applies_from", nullable("string", "YYYY-MM-DD; null: from the start")},
                                    {"value", number()},
                                    {"tolerance", number("How far short of the target is still amber")}}}};
}

json::value rag() { return nullable("string", "red, amber or green; null without a target"); }

json::object period() {
    return object_schema({{"id", optional_id("null when no return has been started for the period")},
                          {"partnership", id()},
                          {"kind", text("quarter, half or year")},
                          {"name", text("Named by the partnership's reporting year: Q1 2011/12, 2011/12")},
                          {"period_start", text("YYYY-MM-DD")},
                          {"period_end", text("YYYY-MM-DD")},
                          {"due_on", text("A return submitted after this day is late")}});
}

json::object returner() {
    return object_schema({{"organisation", optional_id("null: the partnership's own return")},
                          {"returner_name", text()},
                          {"return", optional_id("null: no return started")},
                          {"status", nullable("string", "draft, submitted, queried or accepted; null: none started")},
                          {"submitted_at", nullable("string", "When it was first submitted")},
                          {"returned", boolean("Submitted or accepted")},
                          {"late", boolean("Returned, but first submitted after the due day")},
                          {"overdue", boolean("Not returned, and the due day has passed")}});
}

json::object rated_value() {
    return object_schema({{"indicator", id()},
                          {"indicator_code", text()},
                          {"indicator_title", text()},
                          {"unit", text("count, percentage, rate_per_10000 or days")},
                          {"organisation", optional_id("null: the partnership's own")},
                          {"returner_name", text()},
                          {"return", id()},
                          {"status", text("submitted or accepted")},
                          {"value", number()},
                          {"numerator", nullable("integer")},
                          {"denominator", nullable("integer")},
                          {"note", text()},
                          {"target", target()},
                          {"rag", rag()}});
}

json::object return_properties(bool detail) {
    auto schema = object_schema({{"id", id()},
                                 {"partnership", id()},
                                 {"period", id()},
                                 {"organisation", optional_id("null: the partnership's own return")},
                                 {"returner_name", text()},
                                 {"status", text("draft, submitted, queried or accepted")},
                                 {"created_at", text()},
                                 {"first_submitted_at", nullable("string", "Lateness is judged by it")},
                                 {"submitted", stamp()},
                                 {"queried", stamp()},
                                 {"question", text("The business unit's question, when queried")},
                                 {"answered", stamp()},
                                 {"answer", text("The agency's answer, given when it submitted again")},
                                 {"accepted", stamp()}});
    if (detail) {
        auto& properties = schema["properties"].as_object();
        properties["values"] = array_of(object_schema({{"indicator", id()},
                                                       {"indicator_code", text()},
                                                       {"value", number()},
                                                       {"numerator", nullable("integer")},
                                                       {"denominator", nullable("integer")},
                                                       {"note", text()}}));
        properties["history"] = array_of(object_schema(
            {{"what", text("created, saved, submitted, queried or accepted")}, {"at", text()}, {"by", text()},
             {"text", text("The question or the answer")}}));
        properties["period_detail"] = ref("Period");
        for (const char* name : {"values", "history", "period_detail"}) schema["required"].as_array().emplace_back(name);
    }
    return schema;
}

}  // namespace

void add_schemas(api::ApiInfo& api) {
    api.schemas["Indicator"] = object_schema(
        {{"id", id()},
         {"partnership", id()},
         {"code", text("Unique in the partnership, whatever its case")},
         {"title", text()},
         {"definition", text()},
         {"unit", text("count, percentage, rate_per_10000 or days")},
         {"numerator", text("For a ratio: what is counted above the line")},
         {"denominator", text("For a ratio: what is counted below it")},
         {"polarity", text("higher_is_better, lower_is_better or neither")},
         {"frequency", text("quarterly, biannual or annual")},
         {"returned_by", array_of(object_schema({{"kind", text("partner_agencies, sector, organisation or partnership")},
                                                 {"sector", nullable("string")},
                                                 {"organisation", optional_id()},
                                                 {"organisation_name", text()}}))},
         {"targets", array_of(target())},
         {"source", text("Where the definition comes from, or guidance")}});
    api.schemas["Period"] = period();
    api.schemas["RatedValue"] = rated_value();
    api.schemas["ReturnerStatus"] = returner();
    api.schemas["Return"] = return_properties(false);
    api.schemas["ReturnDetail"] = return_properties(true);
    auto trend_period = period();
    trend_period["properties"].as_object()["partnership_figure"] =
        object_schema({{"value", nullable("number", "Sum for a count, numerators over denominators for a ratio")},
                       {"values", integer()},
                       {"with_counts", integer()},
                       {"weighted", boolean()}});
    trend_period["properties"].as_object()["target"] = target();
    trend_period["properties"].as_object()["rag"] = rag();
    api.schemas["IndicatorValues"] = object_schema(
        {{"indicator", ref("Indicator")},
         {"periods", array_of(std::move(trend_period))},
         {"values", array_of(ref("RatedValue"))}});
    api.schemas["Completeness"] = object_schema({{"on", text("The day lateness is judged on")},
                                                 {"period", ref("Period")},
                                                 {"expected", integer()},
                                                 {"returned", integer()},
                                                 {"late", integer()},
                                                 {"missing", integer()},
                                                 {"percent", integer("Returned of expected, whole")},
                                                 {"returners", array_of(ref("ReturnerStatus"))}});
    api.schemas["Exceptions"] = object_schema({{"on", text()},
                                               {"period", ref("Period")},
                                               {"outside_tolerance", array_of(ref("RatedValue"))},
                                               {"missing_returns", array_of(ref("ReturnerStatus"))}});
    api.schemas["ImportReport"] = object_schema(
        {{"rows", integer()}, {"created", integer()}, {"updated", integer()}, {"unchanged", integer()}});
}

}  // namespace safeboard::performance
