// The settings, indicators and targets.
#include "modules/performance/rules.hpp"

#include <algorithm>
#include <array>

#include "modules/performance/rules_support.hpp"
#include "modules/performance/vocabulary.hpp"
#include "modules/register/vocabulary.hpp"
#include "platform/calendar/date.hpp"
#include "platform/core/fields.hpp"

namespace safeboard::performance {

namespace {

using Errors = FieldErrors;
using detail::number_of;
using detail::whole_of;
using fields::block;
using fields::get;
using fields::line;
using fields::shown;

std::unexpected<Error> rejected(Errors errors) { return invalid(std::move(errors)); }

bool same_name(std::string_view a, std::string_view b) {
    return !trim(a).empty() && lower_ascii(trim(a)) == lower_ascii(trim(b));
}

// 1–12 or a month's name ("October", "oct").
std::optional<int> month_of(std::string_view text) {
    if (auto number = whole_of(text); number && *number >= 1 && *number <= 12) return static_cast<int>(*number);
    return calendar::month_named(text);
}

bool good_code(std::string_view code) {
    return !code.empty() && code.size() <= 20 && std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.';
    });
}

bool is_partnership_word(std::string_view key) { return key == "partnership" || key == "the partnership"; }

// One item of returned_by; nullopt (with an error) when it names nothing.
std::optional<Returner> returner_named(Errors& errors, const std::string& item,
                                       const std::vector<OrganisationChoice>& organisations) {
    auto key = lower_ascii(item);
    if (is_partnership_word(key)) return Returner{ReturnerKind::partnership, {}, {}, {}};
    if (same_term(key, "partner agencies") || same_term(key, "all partner agencies"))
        return Returner{ReturnerKind::partner_agencies, {}, {}, {}};
    if (auto sector = parse_term<register_::Sector>(item)) return Returner{ReturnerKind::sector, sector, {}, {}};
    std::vector<const OrganisationChoice*> found;
    for (const auto& o : organisations) {
        if (same_name(o.name, item)) return Returner{ReturnerKind::organisation, {}, o.id, o.name};
        if (same_name(o.short_name, item)) found.push_back(&o);
    }
    if (found.size() == 1) return Returner{ReturnerKind::organisation, {}, found.front()->id, found.front()->name};
    errors.push_back({"returned_by", found.empty()
                                         ? shown(item) + " is not an organisation of the partnership, a sector, "
                                                         "\"partner agencies\" or \"the partnership\""
                                         : shown(item) + " names more than one organisation; use the full name"});
    return std::nullopt;
}

bool same_returner(const Returner& a, const Returner& b) {
    return a.kind == b.kind && a.sector == b.sector && a.organisation_id == b.organisation_id;
}

std::vector<Returner> returners_from(Errors& errors, const Fields& f,
                                     const std::vector<OrganisationChoice>& organisations) {
    std::vector<Returner> returners;
    auto items = split_list(get(f, "returned_by"));
    if (items.empty()) errors.push_back({"returned_by", "Enter who returns the indicator"});
    for (const auto& item : items) {
        auto returner = returner_named(errors, item, organisations);
        if (!returner) continue;
        bool named_before = std::any_of(returners.begin(), returners.end(),
                                        [&](const Returner& r) { return same_returner(r, *returner); });
        if (!named_before) returners.push_back(std::move(*returner));
    }
    return returners;
}

// A ratio's wording of its counts: required for a ratio, refused otherwise.
std::string count_wording(Errors& errors, const Fields& f, const std::string& field, std::string_view label,
                          std::optional<Unit> unit) {
    auto text = line(errors, f, field, label, 0, 500);
    if (!unit) return text;
    if (is_ratio(*unit) && text.empty())
        errors.push_back({field, "Enter the " + lower_ascii(label) + ": a " + lower_ascii(label_of(*unit)) +
                                     " is worked out from it"});
    if (!is_ratio(*unit) && !text.empty())
        errors.push_back({field, "Leave the " + lower_ascii(label) + " empty: only a percentage or a rate has one"});
    return text;
}

// A target's number in the indicator's unit.
std::optional<double> target_number(Errors& errors, const Fields& f, const std::string& field, std::string_view label,
                                    Unit unit, bool tolerance) {
    auto text = get(f, field);
    if (text.empty()) {
        if (!tolerance) errors.push_back({field, "Enter the " + lower_ascii(label)});
        return tolerance ? std::optional<double>(0) : std::nullopt;
    }
    if (unit == Unit::percentage && text.ends_with('%')) text = trim(text.substr(0, text.size() - 1));
    auto number = number_of(text);
    std::string name(label);
    if (!number)
        errors.push_back({field, name + " must be a number like 70 or 2.5"});
    else if (number->value < 0)
        errors.push_back({field, name + " must be 0 or more"});
    else if (unit == Unit::percentage && number->value > 100)
        errors.push_back({field, name + " must be 100 or less"});
    else if (unit == Unit::count && !tolerance && number->decimals > 0)
        errors.push_back({field, name + " must be a whole number"});
    else
        return number->value;
    return std::nullopt;
}

}  // namespace

// ---- settings -----------------------------------------------------------------------------

Result<Settings> settings_from(const Fields& f, const Settings& base, bool has_periods) {
    Errors errors;
    Settings s = base;
    if (auto text = get(f, "year_starts_month"); !text.empty()) {
        auto month = month_of(text);
        if (!month)
            errors.push_back({"year_starts_month", "The month the year starts must be 1 to 12 or a month's name"});
        else if (*month != base.year_starts_month && has_periods)
            errors.push_back({"year_starts_month",
                              "The reporting year cannot move once it has periods: their names and dates rest on it"});
        else
            s.year_starts_month = *month;
    }
    if (auto text = get(f, "due_days"); !text.empty()) {
        auto days = whole_of(text);
        if (!days || *days > 366)
            errors.push_back({"due_days", "Days to return must be a whole number from 0 to 366"});
        else
            s.due_days = static_cast<int>(*days);
    }
    if (!errors.empty()) return rejected(std::move(errors));
    return s;
}

// ---- periods ------------------------------------------------------------------------------

Result<PeriodDates> period_from(const Fields& f, int year_starts_month) {
    Errors errors;
    auto start = fields::day(errors, f, "period_start", "Period start");
    auto end = fields::day(errors, f, "period_end", "Period end");
    if (get(f, "period_start").empty()) errors.push_back({"period_start", "Enter the day the period starts"});
    if (get(f, "period_end").empty()) errors.push_back({"period_end", "Enter the day the period ends"});
    if (!errors.empty()) return rejected(std::move(errors));
    auto dates = period_between(*start, *end, year_starts_month);
    if (dates) return *dates;
    auto month = std::string(calendar::month_name(static_cast<unsigned>(year_starts_month)));
    return rejected(
        {{"period_end", *start + " to " + *end +
                            " is not a quarter, half or whole of the reporting year, which starts in " + month}});
}

// ---- indicators ---------------------------------------------------------------------------

bool is_ratio(Unit unit) { return unit == Unit::percentage || unit == Unit::rate_per_10000; }

Result<Indicator> indicator_from(const Fields& f, const Indicator& base,
                                 const std::vector<OrganisationChoice>& organisations) {
    Errors errors;
    Indicator i = base;
    i.code = get(f, "code");
    if (!good_code(i.code))
        errors.push_back({"code", i.code.empty() ? "Enter the indicator's code"
                                                 : "Code must be 1 to 20 letters, digits, \"-\", \"_\" or \".\""});
    i.title = line(errors, f, "title", "Title", 1, 300);
    i.definition = block(errors, f, "definition", "Definition", 5000);
    auto unit = fields::term<Unit>(errors, f, "unit", "Unit");
    i.numerator = count_wording(errors, f, "numerator", "Numerator", unit);
    i.denominator = count_wording(errors, f, "denominator", "Denominator", unit);
    auto polarity = fields::term<Polarity>(errors, f, "polarity", "Polarity");
    auto frequency = fields::term<Frequency>(errors, f, "frequency", "Frequency");
    i.returned_by = returners_from(errors, f, organisations);
    i.source = block(errors, f, "source", "Source or guidance", 5000);
    if (!errors.empty()) return rejected(std::move(errors));
    i.unit = *unit;
    i.polarity = *polarity;
    i.frequency = *frequency;
    return i;
}

std::string returners_text(const Indicator& indicator) {
    std::string text;
    for (const auto& r : indicator.returned_by) {
        std::string item;
        switch (r.kind) {
        case ReturnerKind::partner_agencies: item = "partner agencies"; break;
        case ReturnerKind::partnership: item = "the partnership"; break;
        case ReturnerKind::sector: item = r.sector ? std::string(label_of(*r.sector)) : ""; break;
        case ReturnerKind::organisation: item = r.organisation_name; break;
        }
        text += (text.empty() ? "" : "; ") + item;
    }
    return text;
}

bool returns_indicator(const Indicator& indicator, const OrganisationChoice* organisation) {
    return std::any_of(indicator.returned_by.begin(), indicator.returned_by.end(), [&](const Returner& r) {
        if (!organisation) return r.kind == ReturnerKind::partnership;
        switch (r.kind) {
        case ReturnerKind::partner_agencies: return organisation->partner;
        case ReturnerKind::sector: return r.sector == organisation->sector;
        case ReturnerKind::organisation: return r.organisation_id == organisation->id;
        case ReturnerKind::partnership: return false;
        }
        return false;
    });
}

// ---- targets ------------------------------------------------------------------------------

Result<Target> target_from(const Fields& f, const Indicator& indicator) {
    Errors errors;
    Target t;
    t.applies_from = fields::day(errors, f, "applies_from", "Applies from").value_or("");
    auto value = target_number(errors, f, "target", "Target", indicator.unit, false);
    auto tolerance = target_number(errors, f, "tolerance", "Tolerance", indicator.unit, true);
    if (!errors.empty()) return rejected(std::move(errors));
    t.value = *value;
    t.tolerance = *tolerance;
    return t;
}

std::optional<Target> target_for(const std::vector<Target>& targets, std::string_view starts_on) {
    std::optional<Target> found;
    for (const auto& t : targets) {
        if (t.applies_from <= starts_on && (!found || t.applies_from > found->applies_from)) found = t;
    }
    return found;
}

}  // namespace safeboard::performance
