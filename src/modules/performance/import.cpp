#include "modules/performance/import.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "modules/performance/rules.hpp"
#include "modules/performance/rules_support.hpp"
#include "modules/performance/save.hpp"
#include "modules/performance/store.hpp"
#include "modules/performance/vocabulary.hpp"
#include "modules/register/store.hpp"
#include "platform/core/fields.hpp"
#include "platform/core/time.hpp"

namespace safeboard::performance {

namespace {

using fields::get;
using fields::shown;

// What every row of one file is checked against, read once.
struct Context {
    db::Connection& db;
    std::int64_t partnership_id = 0;
    std::string partnership_name;
    Settings settings;
    std::vector<OrganisationChoice> organisations;
    std::map<std::string, Indicator> indicators;  // by lower-cased code
    const audit::Actor& actor;
    std::string today;
    // (returner, indicator, period start, period end) → the line that gave it
    std::map<std::tuple<std::int64_t, std::int64_t, std::string, std::string>, std::size_t> seen;
};

// A row that checked out: who, what, when, and the value.
struct CheckedRow {
    const OrganisationChoice* organisation = nullptr;  // nullptr: the partnership
    const Indicator* indicator = nullptr;
    PeriodDates period;
    Value value;
    std::optional<std::string> submitted_on;
};

bool names_partnership(const Context& c, const std::string& text) {
    auto key = lower_ascii(text);
    return key.empty() || key == "partnership" || key == "the partnership" || key == lower_ascii(c.partnership_name);
}

// The organisation a row names; false (with an error) when it names none.
bool returner_of(FieldErrors& errors, const Context& c, const Fields& f, CheckedRow& row) {
    auto text = get(f, "organisation");
    if (names_partnership(c, text)) return true;
    std::vector<const OrganisationChoice*> found;
    for (const auto& o : c.organisations) {
        if (lower_ascii(o.name) == lower_ascii(text)) {
            row.organisation = &o;
            return true;
        }
        if (!o.short_name.empty() && lower_ascii(o.short_name) == lower_ascii(text)) found.push_back(&o);
    }
    if (found.size() == 1) {
        row.organisation = found.front();
        return true;
    }
    errors.push_back({"organisation", found.empty()
                                          ? "There is no organisation called " + shown(text) + " in the partnership"
                                          : shown(text) + " names more than one organisation; use the "
                                                          "full name"});
    return false;
}

const Indicator* indicator_of(FieldErrors& errors, const Context& c, const Fields& f) {
    auto code = get(f, "indicator");
    auto it = c.indicators.find(lower_ascii(code));
    if (it != c.indicators.end()) return &it->second;
    errors.push_back({"indicator", code.empty() ? "Enter the indicator's code"
                                                : "There is no indicator " + shown(code) + " in the partnership"});
    return nullptr;
}

// The indicator's frequency and returners against the row's period and organisation.
void check_fit(FieldErrors& errors, const CheckedRow& row, bool known_returner, bool known_period) {
    const auto& i = *row.indicator;
    if (known_period && period_kind_for(i.frequency) != row.period.kind) {
        errors.push_back({"period_end", i.code + " is returned " + lower_ascii(label_of(i.frequency)) + ", but " +
                                            row.period.starts_on + " to " + row.period.ends_on + " is a " +
                                            lower_ascii(label_of(row.period.kind))});
    }
    if (known_returner && !returns_indicator(i, row.organisation)) {
        auto who = row.organisation ? row.organisation->name : std::string("The partnership");
        errors.push_back(
            {"organisation", who + " does not return " + i.code + "; it is returned by " + returners_text(i)});
    }
}

std::optional<std::string> submitted_on(FieldErrors& errors, const Context& c, const Fields& f,
                                        const std::optional<PeriodDates>& period) {
    auto day = fields::day(errors, f, "submitted_on", "Submitted on");
    if (!day) return std::nullopt;
    if (*day > c.today)
        errors.push_back({"submitted_on", "Submitted on cannot be after today"});
    else if (period && *day < period->starts_on)
        errors.push_back({"submitted_on", "Figures cannot be submitted before their period starts"});
    return day;
}

Result<CheckedRow> checked(const Context& c, const Fields& f) {
    FieldErrors errors;
    CheckedRow row;
    bool known_returner = returner_of(errors, c, f, row);
    row.indicator = indicator_of(errors, c, f);
    auto period = period_from(f, c.settings.year_starts_month);
    if (!period) errors.insert(errors.end(), period.error().fields.begin(), period.error().fields.end());
    if (period) row.period = *period;
    if (row.indicator) {
        check_fit(errors, row, known_returner, period.has_value());
        auto value = value_from(f, *row.indicator);
        if (value)
            row.value = *value;
        else
            errors.insert(errors.end(), value.error().fields.begin(), value.error().fields.end());
    }
    row.submitted_on = submitted_on(errors, c, f, period ? std::optional(*period) : std::nullopt);
    if (!errors.empty()) return invalid(std::move(errors));
    return row;
}

Stamp stamp_of(const Context& c, const CheckedRow& row) {
    if (row.submitted_on) return {iso_utc(*parse_date(*row.submitted_on)), c.actor.label};
    return {iso_utc(system_now()), c.actor.label};
}

std::optional<Value> held(db::Connection& db, const Return& ret, std::int64_t indicator_id) {
    for (auto& v : values_of(db, ret.id)) {
        if (v.indicator_id == indicator_id) return v;
    }
    return std::nullopt;
}

// A draft is submitted once figures are in it, a queried return once they
// change; a later sending of changed figures moves a submission on.
Result<Saved> submit(Context& c, const Return& ret, const CheckedRow& row, Saved saved) {
    auto stamp = stamp_of(c, row);
    // A queried return is answered by changed figures; the same ones again leave the query standing.
    bool submits =
        ret.status == ReturnStatus::draft || (ret.status == ReturnStatus::queried && saved != Saved::unchanged);
    if (submits) {
        std::string answer = ret.status == ReturnStatus::queried ? "Figures sent again and imported" : "";
        auto after = step_return(ret, Step::submit, answer, stamp);
        if (!after) return std::unexpected(after.error());
        record_step(c.db, *after, Step::submit, answer, c.actor, Audit::none);
        return saved == Saved::unchanged ? Saved::updated : saved;
    }
    if (saved != Saved::unchanged && ret.submitted && stamp.at > ret.submitted->at) {
        auto after = ret;
        after.submitted = stamp;
        restamp_submission(c.db, after, c.actor, Audit::none);
    }
    return saved;
}

Result<Saved> save_row(Context& c, const tabular::FieldRow& line) {
    auto row = checked(c, line.fields);
    if (!row) return std::unexpected(row.error());
    auto key = std::make_tuple(row->organisation ? row->organisation->id : 0, row->indicator->id, row->period.starts_on,
                               row->period.ends_on);
    auto [it, first] = c.seen.emplace(key, line.line);
    if (!first) return invalid({{"indicator", "This value is already on line " + std::to_string(it->second)}});
    auto period = period_for(c.db, c.partnership_id, row->period.starts_on, row->period.ends_on, c.actor, Audit::none);
    if (!period) return std::unexpected(period.error());
    auto ret = return_for(c.db, *period, row->organisation ? std::optional(row->organisation->id) : std::nullopt,
                          c.actor, Audit::none);
    row->value.return_id = ret.id;
    if (ret.status == ReturnStatus::accepted) {
        auto was = held(c.db, ret, row->indicator->id);
        if (was && was->value == row->value.value && was->numerator == row->value.numerator &&
            was->denominator == row->value.denominator && was->note == row->value.note)
            return Saved::unchanged;
        return invalid({{"value", "The return of " + ret.returner_name + " for " + period->name +
                                      " has been accepted, so its figures cannot change"}});
    }
    return submit(c, ret, *row, put_value(c.db, row->value));
}

}  // namespace

const std::vector<std::string>& value_columns() {
    static const std::vector<std::string> columns{"organisation", "indicator",   "period_start", "period_end",  "value",
                                                  "numerator",    "denominator", "note",         "submitted_on"};
    return columns;
}

ImportReport import_values(db::Connection& db, std::int64_t partnership_id, std::string_view bytes,
                           const audit::Actor& actor, std::string_view today) {
    auto partnership = register_::find_partnership(db, partnership_id);
    if (!partnership) {
        ImportReport report;
        report.problems.push_back({0, "", "There is no such partnership"});
        return report;
    }
    Context c{db,
              partnership_id,
              partnership->name,
              settings_of(db, partnership_id),
              organisations_of(db, partnership_id),
              {},
              actor,
              std::string(today),
              {}};
    for (auto& i : indicators_of(db, partnership_id)) c.indicators.emplace(lower_ascii(i.code), std::move(i));
    return imports::run_import(db, bytes, value_columns(), "performance values",
                               "partnership:" + std::to_string(partnership_id), actor,
                               [&](const tabular::FieldRow& row) { return save_row(c, row); });
}

Sheet export_values(db::Connection& db, const Period& period) {
    Sheet sheet{value_columns(), {}};
    std::map<std::int64_t, std::string> submitted;  // return → the day it was submitted
    for (const auto& r : returns_of_period(db, period.id))
        submitted[r.id] = r.submitted ? r.submitted->at.substr(0, 10) : "";
    for (const auto& v : period_values(db, period)) {
        Fields f{{"organisation", v.organisation_id ? v.returner_name : "the partnership"},
                 {"indicator", v.indicator_code},
                 {"period_start", period.starts_on},
                 {"period_end", period.ends_on},
                 {"value", detail::exact_text(v.value.value)},
                 {"numerator", v.value.numerator ? std::to_string(*v.value.numerator) : ""},
                 {"denominator", v.value.denominator ? std::to_string(*v.value.denominator) : ""},
                 {"note", v.value.note},
                 {"submitted_on", submitted[v.return_id]}};
        sheet.rows.push_back(tabular::cells(f, sheet.header));
    }
    return sheet;
}

}  // namespace safeboard::performance
