// The performance API's records as JSON: ids as opaque strings, the closed
// lists by their codes (vocabulary.hpp), figures as numbers, counts as integers.
#include <boost/json.hpp>

#include "modules/performance/routes_support.hpp"
#include "modules/performance/vocabulary.hpp"
#include "modules/register/vocabulary.hpp"
#include "platform/api/json_values.hpp"

namespace safeboard::performance::api_json {

namespace json = boost::json;
using api::id_json;

namespace {

json::value stamp_json(const std::optional<Stamp>& stamp) {
    if (!stamp) return nullptr;
    return json::object{{"at", stamp->at}, {"by", stamp->by}};
}

json::value count_json(const std::optional<std::int64_t>& count) {
    if (!count) return nullptr;
    return *count;
}

json::object returner_of(const Returner& r) {
    return {{"kind", code_of(r.kind)},
            {"sector", r.sector ? json::value(code_of(*r.sector)) : json::value(nullptr)},
            {"organisation", id_json(r.organisation_id)},
            {"organisation_name", r.organisation_name}};
}

}  // namespace

json::value target_json(const std::optional<Target>& target) {
    if (!target) return nullptr;
    return json::object{{"applies_from", target->applies_from.empty() ? json::value(nullptr)
                                                                       : json::value(target->applies_from)},
                        {"value", target->value},
                        {"tolerance", target->tolerance}};
}

json::value rag_json(const std::optional<Rag>& rag) {
    if (!rag) return nullptr;
    return json::string(code_of(*rag));
}

json::object indicator_json(const Indicator& i) {
    json::array returners;
    for (const auto& r : i.returned_by) returners.push_back(returner_of(r));
    json::array targets;
    for (const auto& t : i.targets) targets.push_back(target_json(t));
    return {{"id", std::to_string(i.id)},
            {"partnership", std::to_string(i.partnership_id)},
            {"code", i.code},
            {"title", i.title},
            {"definition", i.definition},
            {"unit", code_of(i.unit)},
            {"numerator", i.numerator},
            {"denominator", i.denominator},
            {"polarity", code_of(i.polarity)},
            {"frequency", code_of(i.frequency)},
            {"returned_by", std::move(returners)},
            {"targets", std::move(targets)},
            {"source", i.source}};
}

json::object period_json(const Period& p) {
    return {{"id", p.id == 0 ? json::value(nullptr) : json::value(std::to_string(p.id))},
            {"partnership", std::to_string(p.partnership_id)},
            {"kind", code_of(p.kind)},
            {"name", p.name},
            {"period_start", p.starts_on},
            {"period_end", p.ends_on},
            {"due_on", p.due_on}};
}

json::object return_json(const Return& r) {
    return {{"id", std::to_string(r.id)},
            {"partnership", std::to_string(r.partnership_id)},
            {"period", std::to_string(r.period_id)},
            {"organisation", id_json(r.organisation_id)},
            {"returner_name", r.returner_name},
            {"status", code_of(r.status)},
            {"created_at", r.created_at},
            {"first_submitted_at", api::optional_json(r.first_submitted_at)},
            {"submitted", stamp_json(r.submitted)},
            {"queried", stamp_json(r.queried)},
            {"question", r.question},
            {"answered", stamp_json(r.answered)},
            {"answer", r.answer},
            {"accepted", stamp_json(r.accepted)}};
}

json::object return_detail_json(const Return& ret, const std::vector<Value>& values,
                                const std::vector<ReturnEvent>& events) {
    auto body = return_json(ret);
    json::array rows;
    for (const auto& v : values) rows.push_back(value_json(v));
    body["values"] = std::move(rows);
    json::array history;
    for (const auto& e : events) {
        history.push_back(json::object{{"what", e.what}, {"at", e.stamp.at}, {"by", e.stamp.by}, {"text", e.text}});
    }
    body["history"] = std::move(history);
    return body;
}

json::object value_json(const Value& v) {
    return {{"indicator", std::to_string(v.indicator_id)},
            {"indicator_code", v.indicator_code},
            {"value", v.value},
            {"numerator", count_json(v.numerator)},
            {"denominator", count_json(v.denominator)},
            {"note", v.note}};
}

json::object rated_json(const RatedValue& r) {
    return {{"indicator", std::to_string(r.indicator_id)},
            {"indicator_code", r.indicator_code},
            {"indicator_title", r.indicator_title},
            {"unit", code_of(r.unit)},
            {"organisation", id_json(r.organisation_id)},
            {"returner_name", r.returner_name},
            {"return", std::to_string(r.return_id)},
            {"status", code_of(r.status)},
            {"value", r.value.value},
            {"numerator", count_json(r.value.numerator)},
            {"denominator", count_json(r.value.denominator)},
            {"note", r.value.note},
            {"target", target_json(r.target)},
            {"rag", rag_json(r.rag)}};
}

json::object returner_json(const ReturnerStatus& s) {
    return {{"organisation", id_json(s.organisation_id)},
            {"returner_name", s.name},
            {"return", id_json(s.return_id)},
            {"status", s.status ? json::value(code_of(*s.status)) : json::value(nullptr)},
            {"submitted_at", api::optional_json(s.submitted_at)},
            {"returned", s.returned},
            {"late", s.late},
            {"overdue", s.overdue}};
}

json::object aggregate_json(const Aggregate& a) {
    return {{"value", a.value ? json::value(*a.value) : json::value(nullptr)},
            {"values", a.values},
            {"with_counts", a.with_counts},
            {"weighted", a.weighted}};
}

}  // namespace safeboard::performance::api_json
