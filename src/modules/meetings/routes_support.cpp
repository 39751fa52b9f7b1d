#include "modules/meetings/routes_support.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "modules/meetings/rules.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "platform/api/json_fields.hpp"
#include "platform/api/json_values.hpp"

namespace safeboard::meetings {

namespace json = boost::json;
using api::id_json;

json::object to_json(const Meeting& m) {
    return {{"id", std::to_string(m.id)},
            {"body", std::to_string(m.body_id)},
            {"body_name", m.body_name},
            {"title", m.shown_title()},
            {"starts_at", m.starts_at},
            {"ends_at", m.ends_at},
            {"time_zone", "Europe/London"},
            {"place", m.place},
            {"online_url", m.online_url},
            {"notes", m.notes},
            {"status", code_of(m.status)},
            {"uid", m.uid},
            {"sequence", m.sequence}};
}

json::object to_json(const Attendance& a) {
    return {{"status", code_of(a.status)},
            {"person", id_json(a.person_id)},
            {"person_name", a.person_name},
            {"organisation", id_json(a.organisation_id)},
            {"organisation_name", a.organisation_name},
            {"substitute", a.substitute_name},
            {"note", a.note}};
}

json::object to_json(const ExpectedSeat& s) {
    const auto& m = s.membership;
    return {{"membership", std::to_string(m.id)},
            {"seat", m.seat_title},
            {"person", id_json(m.person_id)},
            {"person_name", m.person_name},
            {"organisation", id_json(m.organisation_id)},
            {"organisation_name", m.organisation_name},
            {"vacant", !m.vacancy.empty()},
            {"recorded", s.attendance ? json::value(to_json(*s.attendance)) : json::value(nullptr)}};
}

json::object to_json(const ForwardPlanItem& i) {
    return {{"id", std::to_string(i.id)},
            {"body", std::to_string(i.body_id)},
            {"month", i.planned_month},
            {"kind", code_of(i.kind)},
            {"title", i.title},
            {"organisation", id_json(i.organisation_id)},
            {"organisation_name", i.organisation_name},
            {"subject_body", id_json(i.subject_body_id)},
            {"subject_body_name", i.subject_body_name},
            {"position", i.position},
            {"meeting", id_json(i.meeting_id)},
            {"status", code_of(i.status)},
            {"carried_from", id_json(i.carried_from_id)},
            {"notes", i.notes}};
}

json::object to_json(const AgendaItem& a) {
    return {{"id", std::to_string(a.id)},
            {"meeting", std::to_string(a.meeting_id)},
            {"position", a.position},
            {"title", a.title},
            {"type", code_of(a.type)},
            {"presenter", a.presenter},
            {"presenter_person", id_json(a.presenter_person_id)},
            {"link_kind", code_of(a.link_kind)},
            {"link", id_json(a.link_id)},
            {"forward_plan_item", id_json(a.forward_plan_item_id)},
            {"decision", a.decision},
            {"taken", a.taken}};
}

json::object to_json(const Paper& p) {
    return {{"id", std::to_string(p.id)},
            {"agenda_item", id_json(p.agenda_item_id)},
            {"title", p.title},
            {"filename", p.filename},
            {"content_type", p.content_type},
            {"size", p.size},
            {"confidential", p.confidential}};
}

json::object to_json(const AttendanceSettings& s) {
    return {{"partnership", std::to_string(s.partnership_id)},
            {"good_standard", s.good_standard},
            {"substitutes", code_of(s.substitutes)},
            {"substitute_rule", substitute_rule(s.substitutes)},
            {"stored", s.stored},
            {"updated_at", s.stored ? json::value(s.updated_at) : json::value(nullptr)}};
}

Result<Fields> json_fields(const http::Request& request, const std::vector<std::string>& columns,
                           const std::vector<std::string>& numbers) {
    json::error_code ec;
    auto value = json::parse(request.body, ec);
    if (ec || !value.is_object() || numbers.empty()) return api::fields_from(request, columns);
    bool rewritten = false;
    for (auto& [key, item] : value.as_object()) {
        if (!item.is_int64() || std::ranges::find(numbers, std::string(key)) == numbers.end()) continue;
        item = json::string(std::to_string(item.as_int64()));
        rewritten = true;
    }
    if (!rewritten) return api::fields_from(request, columns);
    auto as_text = request;
    as_text.body = json::serialize(value);
    return api::fields_from(as_text, columns);
}

std::optional<std::string> query_day(const http::Request& request, const char* name, std::vector<FieldError>& errors) {
    auto text = request.query_param(name);
    if (!text) return std::nullopt;
    auto day = parse_day(*text);
    if (!day) errors.push_back({name, "must be a date like 2012-03-31"});
    return day;
}

http::Response no_content() {
    http::Response response;
    response.status = 204;
    response.body.clear();
    return response;
}

void add_api_route(http::Router& router, http::Method method, std::string pattern, http::Handler handler,
                   http::RouteDoc doc, http::Access access) {
    doc.tag = "meetings";
    router.add({method, std::move(pattern), std::move(handler), http::Execution::worker, std::move(doc), access});
}

}  // namespace safeboard::meetings
