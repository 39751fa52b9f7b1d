// The JSON schemas of the meetings API (OpenAPI components/schemas): every
// property each answer carries, as routes_support.cpp and the route files
// write them. Every listed property is always present.
#include <string_view>
#include <utility>

#include <boost/json.hpp>

#include "modules/meetings/routes_support.hpp"
#include "platform/api/schema.hpp"

namespace safeboard::meetings {

namespace {

namespace json = boost::json;
using namespace api::schema;

void add_meeting_schemas(api::ApiInfo& api) {
    api.schemas["Meeting"] = object_schema(
        {{"id", id()}, {"body", id()}, {"body_name", text()}, {"title", text()},
         {"starts_at", text("UK wall-clock time, YYYY-MM-DDTHH:MM")}, {"ends_at", text("UK wall-clock time")},
         {"time_zone", text("Always Europe/London")}, {"place", text()}, {"online_url", text()}, {"notes", text()},
         {"status", text("planned, confirmed, held or cancelled")}, {"uid", text("The iCalendar UID")},
         {"sequence", integer("The iCalendar SEQUENCE")}});
    api.schemas["Paper"] = object_schema({{"id", id()}, {"agenda_item", optional_id()}, {"title", text()},
                                          {"filename", text()}, {"content_type", text()}, {"size", integer("Bytes")},
                                          {"confidential", boolean("Only the body's members and writers see it")}});
    api.schemas["AgendaItem"] = object_schema(
        {{"id", id()}, {"meeting", id()}, {"position", integer("1 is first")}, {"title", text()},
         {"type", text("decision, discussion, information or standing")}, {"presenter", text()},
         {"presenter_person", optional_id("The person of the register the presenter names")},
         {"link_kind", text("none, plan, recommendation, action or organisation")},
         {"link", optional_id("The linked record")}, {"forward_plan_item", optional_id()}, {"decision", text()},
         {"taken", boolean("False: not taken, so carried forward")}});
    auto with_papers = object_schema({{"papers", array_of(ref("Paper"))}});
    api.schemas["Agenda"] = object_schema(
        {{"meeting", id()},
         {"items", array_of(json::object{{"allOf", json::array{ref("AgendaItem"), std::move(with_papers)}}})}});
    auto recorded = object_schema({{"status", text()}, {"person", optional_id()}, {"person_name", text()},
                                   {"organisation", optional_id()}, {"organisation_name", text()},
                                   {"substitute", text()}, {"note", text()}});
    api.schemas["Seat"] = object_schema(
        {{"membership", id()}, {"seat", text()}, {"person", optional_id()}, {"person_name", text()},
         {"organisation", optional_id()}, {"organisation_name", text()}, {"vacant", boolean()},
         {"recorded", json::object{{"oneOf", json::array{std::move(recorded), typed("null")}}}}});
    api.schemas["MeetingAttendance"] =
        object_schema({{"meeting", id()}, {"status", text()}, {"seats", array_of(ref("Seat"))}});
}

void add_plan_schemas(api::ApiInfo& api) {
    api.schemas["ForwardPlanItem"] = object_schema(
        {{"id", id()}, {"body", id()}, {"month", text("YYYY-MM")},
         {"kind", text("standing, agency_report, audit_report, subgroup_report, report, annual_report, "
                       "business_plan or other")},
         {"title", text()}, {"organisation", optional_id()}, {"organisation_name", text()},
         {"subject_body", optional_id()}, {"subject_body_name", text()}, {"position", integer("Order in its month")},
         {"meeting", optional_id("Set once on an agenda")}, {"status", text("planned, on_agenda, taken or carried")},
         {"carried_from", optional_id("The item not taken that this one continues")}, {"notes", text()}});
    auto month = object_schema({{"month", text("YYYY-MM")}, {"label", text()},
                                {"items", array_of(ref("ForwardPlanItem"))}});
    api.schemas["ForwardPlan"] = object_schema({{"body", id()}, {"year", text("2011/12")},
                                                {"first_month", text()}, {"last_month", text()},
                                                {"months", array_of(std::move(month))}});
}

void add_attendance_schemas(api::ApiInfo& api) {
    api.schemas["AttendanceSettings"] = object_schema(
        {{"partnership", id()}, {"good_standard", integer("A percentage, 1 to 100")},
         {"substitutes", text("organisation, person, both or neither")}, {"substitute_rule", text()},
         {"stored", boolean("False: the partnership has set none, so these are the defaults")},
         {"updated_at", nullable("string", "UTC")}});
    auto tally = object_schema({{"expected", integer()}, {"attended", integer()}, {"present", integer()},
                                {"substitutes", integer()}, {"apologies", integer()}, {"absent", integer()},
                                {"not_recorded", integer()}, {"percentage", integer()},
                                {"meets_standard", boolean()}});
    auto person = object_schema({{"person", optional_id()}, {"name", text()}, {"seat", text()},
                                 {"organisation", optional_id()}, {"organisation_name", text()},
                                 {"attendance", tally}});
    auto organisation = object_schema({{"organisation", id()}, {"name", text()}, {"attendance", tally}});
    auto source = text("default, partnership or request");
    api.schemas["AttendanceReport"] = object_schema(
        {{"meetings", integer("Held meetings in the period")}, {"good_standard", integer()},
         {"substitutes_count_for", text()}, {"substitute_rule", text()}, {"good_standard_from", source},
         {"substitutes_from", source}, {"rule_applied", text()}, {"headline", text()},
         {"organisations_meeting_standard", integer()}, {"people", array_of(std::move(person))},
         {"organisations", array_of(std::move(organisation))}});
}

void add_letter_schemas(api::ApiInfo& api) {
    auto party = object_schema({{"kind", text("body, person or organisation")}, {"id", id()}, {"name", text()}});
    api.schemas["MeetingAction"] = object_schema(
        {{"id", id()}, {"meeting", optional_id()}, {"agenda_item", optional_id()}, {"number", text()},
         {"action", text()}, {"target_date", nullable("string", "YYYY-MM-DD")}, {"responsibility", text()},
         {"responsible", array_of(std::move(party))}, {"status", text()}, {"href", text()}});
    Properties letter{{"id", id()},
                      {"meeting", id()},
                      {"organisation", id()},
                      {"organisation_name", text()},
                      {"recipient_membership", optional_id()},
                      {"recipient_person", optional_id()},
                      {"recipient_name", text()},
                      {"sent_on", nullable("string", "YYYY-MM-DD")},
                      {"response_due_on", nullable("string", "YYYY-MM-DD")},
                      {"response_received_on", nullable("string", "YYYY-MM-DD")},
                      {"response", text()},
                      {"overdue", boolean()},
                      {"pdf", text("The letter as PDF")},
                      {"html", text("The letter as a page to print")}};
    api.schemas["Letter"] = object_schema(letter);
    auto overdue = object_schema({{"meeting_title", text()}, {"meeting_date", text("YYYY-MM-DD")},
                                  {"days_overdue", integer()}});
    api.schemas["LetterResponses"] =
        json::object{{"allOf", json::array{ref("Letter"), std::move(overdue)}}};
    api.schemas["CalendarFeed"] = object_schema({{"id", id()}, {"kind", text("body or person")}, {"subject", id()},
                                                 {"created_at", text("UTC")},
                                                 {"revoked_at", nullable("string", "UTC")}});
}

}  // namespace

void add_schemas(api::ApiInfo& api) {
    add_meeting_schemas(api);
    add_plan_schemas(api);
    add_attendance_schemas(api);
    add_letter_schemas(api);
}

}  // namespace safeboard::meetings
