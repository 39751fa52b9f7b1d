// One return on the web: who returns it, for which period, where it stands,
// its values and its history. Those who enter it fill in its values while it
// is a draft or queried and submit it (answering the query, when there is
// one); those who review it query or accept it once submitted. A return the
// user may not see answers 404; a change they may not make, 403.
#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>
#include <variant>

#include "modules/performance/pages_support.hpp"
#include "modules/performance/policy.hpp"
#include "modules/performance/rules_support.hpp"
#include "modules/performance/save.hpp"
#include "modules/performance/vocabulary.hpp"
#include "modules/register/store.hpp"
#include "platform/calendar/date.hpp"
#include "platform/calendar/uk_time.hpp"
#include "platform/charts/scale.hpp"
#include "platform/core/time.hpp"
#include "platform/db/database.hpp"
#include "platform/web/form_errors.hpp"
#include "platform/web/form_values.hpp"

namespace safeboard::performance::pages {

namespace {

using web::field;
using web::text;

const std::vector<std::string> value_parts{"value", "numerator", "denominator", "note"};

// The return of the path's {id} with the user's reach, once it is known
// that they may see it.
struct Found {
    Return ret;
    Reach reach;
};

std::variant<Found, http::Response> readable_return(const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto id = auth::path_id(request);
    auto ret = id ? find_return(db, *id) : std::nullopt;
    if (!ret) return auth::missing(request, "return");
    auto reach = reach_of(db, context.user());
    // A draft of another organisation is not told to exist, nor is another partnership's return.
    if (!may_read(reach, *ret)) return auth::missing(request, "return");
    return Found{std::move(*ret), std::move(reach)};
}

// The return, when the user may take this kind of change to it; otherwise
// 404 when they may not see it, else 403 (recorded).
std::variant<Found, http::Response> changing(const http::Request& request, http::Context& context, bool reviewing) {
    auto found = readable_return(request, context);
    auto* f = std::get_if<Found>(&found);
    if (!f) return found;
    if (reviewing && !may_review(f->reach, f->ret)) {
        return auth::refuse(request, context, "performance.write is not held for partnership " +
                                                  std::to_string(f->ret.partnership_id));
    }
    if (!reviewing && !may_edit(f->reach, f->ret)) {
        auto scope = f->ret.organisation_id ? "returns.write is not held for organisation " +
                                                  std::to_string(*f->ret.organisation_id)
                                            : "performance.write is not held for partnership " +
                                                  std::to_string(f->ret.partnership_id);
        return auth::refuse(request, context, scope);
    }
    return found;
}

// ---- how values read ---------------------------------------------------------------------------

std::string unit_suffix(Unit unit) {
    switch (unit) {
    case Unit::percentage: return "%";
    case Unit::rate_per_10000: return "per 10,000 children";
    case Unit::days: return "days";
    case Unit::count: return "";
    }
    return "";
}

std::string value_label(Unit unit) {
    switch (unit) {
    case Unit::percentage: return "Percentage";
    case Unit::rate_per_10000: return "Rate per 10,000 children";
    case Unit::days: return "Number of days";
    case Unit::count: return "Number";
    }
    return "Value";
}

std::string shown_value(const Indicator& indicator, double value) {
    return charts::format_value(value, indicator.unit == Unit::count ? 0 : 1, unit_suffix(indicator.unit));
}

std::string when_in_words(const std::string& utc) {
    auto instant = parse_iso_utc(utc);
    if (!instant) return utc;
    auto uk = calendar::uk_time(*instant);
    auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    return calendar::date_in_words(uk.date) + " at " + two(uk.minute_of_day / 60) + ":" + two(uk.minute_of_day % 60);
}

std::string stamp_words(const std::optional<Stamp>& stamp) {
    return stamp ? when_in_words(stamp->at) + " by " + stamp->by : std::string();
}

// The form's fields as the stored values give them.
Fields stored_fields(const std::vector<Indicator>& owed, const std::vector<Value>& values) {
    Fields f;
    for (const auto& indicator : owed) {
        auto found = std::ranges::find(values, indicator.id, &Value::indicator_id);
        if (found == values.end()) continue;
        // The shortest text that reads back as the same number, so saving again changes nothing.
        f[value_field(indicator.code, "value")] = detail::exact_text(found->value);
        if (found->numerator) f[value_field(indicator.code, "numerator")] = std::to_string(*found->numerator);
        if (found->denominator) f[value_field(indicator.code, "denominator")] = std::to_string(*found->denominator);
        f[value_field(indicator.code, "note")] = found->note;
    }
    return f;
}

// A value's message names its indicator ("DBS01: A percentage must be 100
// or less"), so that the summary above a form of several reads on its own.
Errors named_by_indicator(Errors errors) {
    for (auto& e : errors) {
        if (!e.field.starts_with("values[")) continue;
        auto code = e.field.substr(7, e.field.find(']') - 7);
        if (e.message.find(code) == std::string::npos) e.message = code + ": " + e.message;
    }
    return errors;
}

std::vector<std::string> form_order(const std::vector<Indicator>& owed) {
    std::vector<std::string> order;
    for (const auto& indicator : owed) {
        for (const auto& part : value_parts) order.push_back(value_field(indicator.code, part));
    }
    order.push_back("answer");
    order.push_back("question");
    return order;
}

std::string get(const Fields& f, const std::string& name) {
    auto at = f.find(name);
    return at == f.end() ? std::string() : at->second;
}

data number_field(const std::string& id, std::string_view label, const Fields& f, const Errors& errors,
                  std::string_view hint) {
    auto made = field(id, label, get(f, id), errors, hint);
    made.set("width", std::string("govuk-input--width-10"));
    return made;
}

data indicator_fields(const Indicator& indicator, const Fields& f, const Errors& errors) {
    data row;
    row.set("code", indicator.code);
    row.set("title", indicator.title);
    row.set("about_id", "about-" + indicator.code);
    row.set("definition", indicator.definition);
    bool ratio = is_ratio(indicator.unit);
    std::string hint = indicator.unit == Unit::percentage ? "From 0 to 100" : "0 or more";
    if (indicator.unit == Unit::count) hint = "A whole number, 0 or more";
    if (ratio) hint += "; leave it empty to work it out from the numerator and denominator";
    auto value_id = value_field(indicator.code, "value");
    row.set("f_value", number_field(value_id, value_label(indicator.unit), f, errors, hint));
    row.set("ratio", ratio);
    if (ratio) {
        row.set("f_numerator", number_field(value_field(indicator.code, "numerator"), "Numerator", f, errors,
                                            indicator.numerator));
        row.set("f_denominator", number_field(value_field(indicator.code, "denominator"), "Denominator", f, errors,
                                              indicator.denominator));
    }
    auto note_id = value_field(indicator.code, "note");
    auto note = field(note_id, "Note (optional)", get(f, note_id), errors);
    note.set("rows", std::string("2"));
    row.set("f_note", note);
    return row;
}

data value_row(const Indicator& indicator, const Value* value) {
    data row;
    row.set("code", indicator.code);
    row.set("title", indicator.title);
    row.set("given", value != nullptr);
    row.set("value", value ? shown_value(indicator, value->value) : std::string("Not given"));
    auto count = [](const std::optional<std::int64_t>& n) {
        return n ? charts::format_number(static_cast<double>(*n), 0) : std::string();
    };
    row.set("numerator", value ? count(value->numerator) : std::string());
    row.set("denominator", value ? count(value->denominator) : std::string());
    row.set("note", value ? value->note : std::string());
    return row;
}

// Every value to show: the indicators owed, given or not, then any value
// of an indicator no longer owed (its returners changed since).
data value_rows(db::Connection& db, const Return& ret, const std::vector<Indicator>& owed,
                const std::vector<Value>& values) {
    data rows{data::type::list};
    for (const auto& indicator : owed) {
        auto found = std::ranges::find(values, indicator.id, &Value::indicator_id);
        rows.push_back(value_row(indicator, found == values.end() ? nullptr : &*found));
    }
    std::map<std::int64_t, Indicator> others;
    for (const auto& v : values) {
        if (std::ranges::find(owed, v.indicator_id, &Indicator::id) != owed.end()) continue;
        if (others.empty()) {
            for (auto& i : indicators_of(db, ret.partnership_id)) others.emplace(i.id, std::move(i));
        }
        if (auto i = others.find(v.indicator_id); i != others.end()) rows.push_back(value_row(i->second, &v));
    }
    return rows;
}

data history_rows(const std::vector<ReturnEvent>& events) {
    data rows{data::type::list};
    for (const auto& e : events) {
        data row;
        auto what = e.what;
        if (!what.empty()) what[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])));
        row.set("what", what);
        row.set("when", when_in_words(e.stamp.at));
        row.set("by", e.stamp.by);
        row.set("text", e.text);
        rows.push_back(row);
    }
    return rows;
}

bool is_late(const Return& ret, const Period& period) {
    return ret.first_submitted_at && ret.first_submitted_at->substr(0, 10) > period.due_on;
}

data details_of(db::Connection& db, const Return& ret, const Period& period) {
    auto partnership = register_::find_partnership(db, ret.partnership_id);
    data details{data::type::list};
    details.push_back(web::detail_row("Returned by", ret.returner_name));
    details.push_back(web::detail_row("Partnership", partnership ? partnership->name : std::string()));
    auto dates = calendar::date_in_words(period.starts_on) + " to " + calendar::date_in_words(period.ends_on);
    details.push_back(web::detail_row("Period", period.name + ": " + dates));
    details.push_back(web::detail_row("Due", calendar::date_in_words(period.due_on)));
    details.push_back(web::detail_row(
        "First submitted", ret.first_submitted_at ? when_in_words(*ret.first_submitted_at) + (is_late(ret, period)
                                                                                                   ? " (late)"
                                                                                                   : "")
                                                  : std::string("Not yet submitted")));
    if (ret.accepted) details.push_back(web::detail_row("Accepted", stamp_words(ret.accepted)));
    return details;
}

// What the page says after a change it made (never the request's own words).
std::string done_message(std::string_view done) {
    if (done == "saved") return "The values are saved. Submit the return when it is complete.";
    if (done == "submitted") return "The return is submitted.";
    if (done == "queried") return "The query is sent to the agency.";
    if (done == "accepted") return "The return is accepted.";
    return {};
}

// What a return's page shows besides the return itself: what was posted
// and what was wrong with it, or what was just done.
struct Shown {
    std::optional<Fields> posted;
    Errors errors;
    unsigned status = 200;
    std::string done;
};

void set_form(data& values, const Return& ret, const std::vector<Indicator>& owed, const Fields& f,
              const Errors& errors) {
    data indicators{data::type::list};
    for (const auto& indicator : owed) indicators.push_back(indicator_fields(indicator, f, errors));
    data form;
    form.set("indicators", indicators);
    form.set("has_indicators", !owed.empty());
    if (ret.status == ReturnStatus::queried) {
        auto answer = field("answer", "Your answer to the query", get(f, "answer"), errors,
                            "Sent with the return when you submit it");
        answer.set("rows", std::string("4"));
        form.set("f_answer", answer);
    }
    values.set("form", form);
}

http::Response return_page(const Pages& pages, http::Context& context, const Found& found, Shown shown) {
    auto& db = context.db();
    shown.errors = named_by_indicator(std::move(shown.errors));
    const auto& ret = found.ret;
    auto period = find_period(db, ret.period_id);
    if (!period) throw std::logic_error("a return without its period");
    auto owed = indicators_owed(db, ret);
    auto stored = values_of(db, ret.id);
    bool entering = may_edit(found.reach, ret) && editable(ret.status);
    bool reviewing = may_review(found.reach, ret) && ret.status == ReturnStatus::submitted;
    data values;
    values.set("href", return_href(ret.id));
    values.set("returner", ret.returner_name);
    values.set("period", period->name);
    values.set("status", std::string(label_of(ret.status)));
    values.set("status_class", status_tag_class(ret.status));
    values.set("late", is_late(ret, *period));
    bool returned = ret.status == ReturnStatus::submitted || ret.status == ReturnStatus::accepted;
    values.set("overdue", !returned && today() > period->due_on);
    values.set("details", details_of(db, ret, *period));
    values.set("done", text(done_message(shown.done)));
    values.set("question", text(ret.question));
    values.set("queried_by", stamp_words(ret.queried));
    values.set("answer", text(ret.answer));
    values.set("answered_by", stamp_words(ret.answered));
    if (entering) {
        set_form(values, ret, owed, shown.posted ? *shown.posted : stored_fields(owed, stored), shown.errors);
    } else {
        auto rows = value_rows(db, ret, owed, stored);
        values.set("has_values", !rows.is_empty_list());
        values.set("values", rows);
    }
    if (reviewing) {
        auto question = field("question", "Question to the agency", shown.posted ? get(*shown.posted, "question") : "",
                              shown.errors, "What the agency needs to check or explain before the return is accepted");
        question.set("rows", std::string("4"));
        values.set("review", data("f_question", question));
    }
    auto history = history_rows(events_of(db, ret.id));
    values.set("history", history);
    values.set("has_history", !history.is_empty_list());
    if (!shown.errors.empty()) web::set_form_errors(values, std::move(shown.errors), form_order(owed));
    return render(pages, context, "performance/pages/return", std::move(values),
                  "Return for " + period->name + ": " + ret.returner_name, shown.status, "/performance/returns");
}

// ---- the handlers ------------------------------------------------------------------------------

std::vector<std::string> posted_names(const std::vector<Indicator>& owed) {
    std::vector<std::string> names;
    for (const auto& indicator : owed) {
        for (const auto& part : value_parts) names.push_back(value_field(indicator.code, part));
    }
    names.push_back("answer");
    return names;
}

bool all_blank(const Fields& f, const Indicator& indicator) {
    return std::ranges::all_of(
        value_parts, [&](const std::string& part) { return get(f, value_field(indicator.code, part)).empty(); });
}

// What a submission lacks besides its values' own errors: a value for each
// indicator owed that is neither stored nor sent now, and the answer to a
// query. Asked before submitting, so every problem is named at once.
Errors still_missing(db::Connection& db, const Return& ret, const std::vector<Indicator>& owed, const Fields& f,
                     const audit::Actor& actor) {
    auto stored = values_of(db, ret.id);
    std::vector<Indicator> unanswered;
    for (const auto& indicator : owed) {
        if (all_blank(f, indicator)) unanswered.push_back(indicator);
    }
    auto errors = missing_values(unanswered, stored);
    auto stepped = step_return(ret, Step::submit, get(f, "answer"), Stamp{iso_utc(system_now()), actor.label});
    if (!stepped && stepped.error().kind == ErrorKind::validation) {
        errors.insert(errors.end(), stepped.error().fields.begin(), stepped.error().fields.end());
    }
    return errors;
}

http::Response after(const Return& ret, std::string_view done) {
    return auth::see_other(return_href(ret.id) + "?done=" + std::string(done));
}

http::Response show_return(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = readable_return(request, context);
    if (auto* answer = std::get_if<http::Response>(&found)) return std::move(*answer);
    return return_page(pages, context, std::get<Found>(found), {{}, {}, 200, auth::query_text(request, "done")});
}

http::Response save_return_values(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = changing(request, context, false);
    if (auto* answer = std::get_if<http::Response>(&found)) return std::move(*answer);
    const auto& f = std::get<Found>(found);
    auto& db = context.db();
    auto fields = posted_fields(request, posted_names(indicators_owed(db, f.ret)));
    Result<bool> saved = false;
    {
        db::Transaction transaction(db);
        saved = enter_values(db, f.ret, fields, auth::actor_of(request, context.user()));
        if (saved) transaction.commit();
    }
    if (saved) return after(f.ret, "saved");
    if (saved.error().kind != ErrorKind::validation) return http::problem(saved.error(), request);
    return return_page(pages, context, f, {fields, saved.error().fields, 422, {}});
}

// The values sent with the form are saved and the return submitted in one
// transaction: either both happen, or neither and every problem is shown.
http::Response submit_return(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = changing(request, context, false);
    if (auto* answer = std::get_if<http::Response>(&found)) return std::move(*answer);
    const auto& f = std::get<Found>(found);
    auto& db = context.db();
    auto actor = auth::actor_of(request, context.user());
    auto owed = indicators_owed(db, f.ret);
    auto fields = posted_fields(request, posted_names(owed));
    Errors errors;
    {
        db::Transaction transaction(db);
        auto saved = enter_values(db, f.ret, fields, actor);
        if (!saved && saved.error().kind != ErrorKind::validation) return http::problem(saved.error(), request);
        if (!saved) errors = saved.error().fields;
        auto missing = still_missing(db, f.ret, owed, fields, actor);
        errors.insert(errors.end(), missing.begin(), missing.end());
        if (errors.empty()) {
            auto submitted = take_step(db, f.ret, Step::submit, get(fields, "answer"), actor);
            if (!submitted && submitted.error().kind != ErrorKind::validation)
                return http::problem(submitted.error(), request);
            if (submitted) {
                transaction.commit();
                return after(f.ret, "submitted");
            }
            errors = submitted.error().fields;
        }
    }
    return return_page(pages, context, f, {fields, std::move(errors), 422, {}});
}

http::Response review_step(const Pages& pages, const http::Request& request, http::Context& context, Step step) {
    auto found = changing(request, context, true);
    if (auto* answer = std::get_if<http::Response>(&found)) return std::move(*answer);
    const auto& f = std::get<Found>(found);
    auto& db = context.db();
    auto fields = posted_fields(request, {"question"});
    Result<Return> taken = f.ret;
    {
        db::Transaction transaction(db);
        taken = take_step(db, f.ret, step, step == Step::query ? get(fields, "question") : std::string(),
                          auth::actor_of(request, context.user()));
        if (taken) transaction.commit();
    }
    if (taken) return after(f.ret, step == Step::query ? "queried" : "accepted");
    if (taken.error().kind != ErrorKind::validation) return http::problem(taken.error(), request);
    return return_page(pages, context, f, {fields, taken.error().fields, 422, {}});
}

http::Response query_return(const Pages& pages, const http::Request& request, http::Context& context) {
    return review_step(pages, request, context, Step::query);
}

http::Response accept_return(const Pages& pages, const http::Request& request, http::Context& context) {
    return review_step(pages, request, context, Step::accept);
}

}  // namespace

void add_one_return_pages(http::Router& router, const PagesPtr& pages) {
    // Who may see or change one return is the record's question (policy.hpp),
    // asked by each handler, so that another organisation's draft answers 404.
    const auto anyone_signed_in = http::Access::any_user();
    using M = http::Method;
    router.add(route(M::get, "/performance/returns/{id}", anyone_signed_in,
                     "A data return: its period, status, values and history; the form to enter and submit it, or "
                     "to query or accept it",
                     pages, show_return));
    router.add(route(M::post, "/performance/returns/{id}/values", anyone_signed_in,
                     "Save a draft or queried return's values", pages, save_return_values));
    router.add(route(M::post, "/performance/returns/{id}/submit", anyone_signed_in,
                     "Save a return's values and submit it, with the answer to a query", pages, submit_return));
    router.add(route(M::post, "/performance/returns/{id}/query", anyone_signed_in,
                     "Query a submitted return, with a question back to the agency", pages, query_return));
    router.add(route(M::post, "/performance/returns/{id}/accept", anyone_signed_in, "Accept a submitted return", pages,
                     accept_return));
}

}  // namespace safeboard::performance::pages
