#include "modules/meetings/report_query.hpp"

#include "modules/meetings/policy.hpp"
#include "modules/meetings/routes_support.hpp"
#include "modules/meetings/store.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "modules/register/store.hpp"
#include "platform/auth/page.hpp"
#include "platform/core/text.hpp"

namespace safeboard::meetings {

namespace {

using http::Request;

// A query parameter, trimmed; "" when absent (a form's empty field asks for nothing).
std::string param(const Request& request, const char* name) {
    return trim(request.query_param(name).value_or(""));
}

// Whose settings a report reads: the body's (its first partnership's, as its
// reporting year is); for every body's meetings, the partnership's when the
// reader reaches only one.
std::optional<std::int64_t> settings_partnership(const access::ScopeFilter& reach,
                                                 const std::optional<register_::Body>& body) {
    if (body) {
        if (body->partnership_ids.empty()) return std::nullopt;
        return body->partnership_ids.front();
    }
    if (!reach.everything && reach.ids.size() == 1) return reach.ids.front();
    return std::nullopt;
}

ReportSettings stored_settings(db::Connection& db, const access::ScopeFilter& reach,
                               const std::optional<register_::Body>& body) {
    auto id = settings_partnership(reach, body);
    if (!id) return {};
    auto partnership = register_::find_partnership(db, *id);
    return report_settings(attendance_settings_of(db, *id), partnership ? partnership->name : "");
}

// ?standard= and ?substitutes= set the report's rule for this one report.
void apply_overrides(const Request& request, ReportSettings& settings, std::vector<FieldError>& errors) {
    if (auto text = param(request, "standard"); !text.empty()) {
        auto standard = parse_good_standard(text);
        if (!standard) errors.push_back({"standard", "must be a percentage from 1 to 100"});
        else {
            settings.good_standard = *standard;
            settings.standard_from = SettingSource::request;
        }
    }
    if (auto text = param(request, "substitutes"); !text.empty()) {
        auto setting = parse_term<SubstituteSetting>(text);
        if (!setting) errors.push_back({"substitutes", "must be one of: " + codes_list<SubstituteSetting>()});
        else {
            settings.substitutes = *setting;
            settings.substitutes_from = SettingSource::request;
        }
    }
}

}  // namespace

Result<AttendanceReport> attendance_report_for(const Request& request, http::Context& context) {
    auto& db = context.db();
    std::vector<FieldError> errors;
    AttendanceQuery query;
    query.reach = readable(db, context.user());
    std::optional<register_::Body> body;
    if (auto text = param(request, "body"); !text.empty()) {
        body = readable_body(db, context.user(), auth::parse_id(text));
        if (!body) errors.push_back({"body", "must be the id of a body you can see"});
        else query.body = body->id;
    }
    auto settings = stored_settings(db, query.reach, body);
    settings.meetings_label = body ? meetings_label(*body) : "";
    auto from = query_day(request, "from", errors);
    auto to = query_day(request, "to", errors);
    if (!request.query_param("from")) errors.push_back({"from", "is required: the first day of the period"});
    if (!request.query_param("to")) errors.push_back({"to", "is required: the last day of the period"});
    if (from && to && *to < *from) errors.push_back({"to", "must not be before from"});
    apply_overrides(request, settings, errors);
    if (!errors.empty()) return invalid(std::move(errors));
    query.from = *from;
    query.to = *to;
    return attendance_report(attendance_records(db, query), *from, *to, settings);
}

}  // namespace safeboard::meetings
