// A return's values and the steps that move a return on.
#include <algorithm>
#include <array>
#include <cmath>

#include "modules/performance/rules.hpp"
#include "modules/performance/rules_support.hpp"
#include "modules/performance/vocabulary.hpp"
#include "platform/core/fields.hpp"

namespace safeboard::performance {

namespace {

using Errors = FieldErrors;
using detail::Number;
using detail::number_of;
using detail::number_text;
using detail::whole_of;
using fields::get;

std::unexpected<Error> rejected(Errors errors) { return invalid(std::move(errors)); }

// The value's number, checked against its unit; nullopt when blank or bad.
std::optional<Number> value_number(Errors& errors, const Fields& f, const std::string& field, Unit unit) {
    auto text = get(f, field);
    if (text.empty()) return std::nullopt;
    if (unit == Unit::percentage && text.ends_with('%')) text = trim(text.substr(0, text.size() - 1));
    auto number = number_of(text);
    if (!number) {
        errors.push_back({field, "Value must be a number like 12 or 98.5"});
    } else if (number->value < 0) {
        errors.push_back({field, "Value must be 0 or more"});
    } else if (unit == Unit::count && number->decimals > 0) {
        errors.push_back({field, "A count must be a whole number"});
    } else if (unit == Unit::percentage && number->value > 100) {
        errors.push_back({field, "A percentage must be 100 or less"});
    } else {
        return number;
    }
    return std::nullopt;
}

// A numerator or denominator: a whole number, and only for a ratio.
std::optional<std::int64_t> count_of(Errors& errors, const Fields& f, const std::string& field, std::string_view label,
                                     Unit unit) {
    auto text = get(f, field);
    if (text.empty()) return std::nullopt;
    if (!is_ratio(unit)) {
        errors.push_back({field, "Leave the " + std::string(label) + " empty: only a percentage or a rate has one"});
        return std::nullopt;
    }
    auto count = whole_of(text);
    if (!count) errors.push_back({field, "The " + std::string(label) + " must be a whole number, 0 or more"});
    return count;
}

// Checks the counts against each other and the value; gives the value they make.
std::optional<double> from_counts(Errors& errors, const std::string& prefix, Unit unit, std::int64_t numerator,
                                  std::int64_t denominator, const std::optional<Number>& given) {
    if (denominator == 0) {
        errors.push_back({prefix + "denominator", "The denominator must be more than 0"});
        return std::nullopt;
    }
    if (unit == Unit::percentage && numerator > denominator) {
        errors.push_back({prefix + "numerator", "The numerator cannot be more than the denominator in a percentage"});
        return std::nullopt;
    }
    auto worked_out = ratio_value(unit, numerator, denominator);
    if (!given) return worked_out;
    // Rounded to the decimals the value is written with, either way at a half.
    auto allowed = 0.5 * std::pow(10.0, -given->decimals) + 1e-9;
    if (std::fabs(given->value - worked_out) > allowed) {
        errors.push_back({prefix + "value", "The value should be " + number_text(std::round(worked_out * 10) / 10) +
                                                " (" + std::to_string(numerator) + " of " +
                                                std::to_string(denominator) + "), or leave it empty to work it out"});
        return std::nullopt;
    }
    return given->value;
}

bool all_blank(const Fields& f, const std::string& prefix) {
    static constexpr std::array<const char*, 4> parts{"value", "numerator", "denominator", "note"};
    return std::all_of(parts.begin(), parts.end(), [&](const char* part) { return get(f, prefix + part).empty(); });
}

}  // namespace

std::string value_field(std::string_view code, std::string_view part) {
    return "values[" + std::string(code) + "]." + std::string(part);
}

double ratio_value(Unit unit, std::int64_t numerator, std::int64_t denominator) {
    if (denominator == 0) return 0;
    auto scale = unit == Unit::rate_per_10000 ? 10000.0 : 100.0;
    return static_cast<double>(numerator) / static_cast<double>(denominator) * scale;
}

Result<Value> value_from(const Fields& f, const Indicator& indicator, const std::string& prefix) {
    Errors errors;
    Value v;
    v.indicator_id = indicator.id;
    v.indicator_code = indicator.code;
    auto given = value_number(errors, f, prefix + "value", indicator.unit);
    bool bad_value = !given && !get(f, prefix + "value").empty();
    v.numerator = count_of(errors, f, prefix + "numerator", "numerator", indicator.unit);
    v.denominator = count_of(errors, f, prefix + "denominator", "denominator", indicator.unit);
    v.note = fields::block(errors, f, prefix + "note", "Note", 1000);
    bool has_numerator = !get(f, prefix + "numerator").empty();
    bool has_denominator = !get(f, prefix + "denominator").empty();
    if (is_ratio(indicator.unit) && has_numerator != has_denominator) {
        auto missing = has_numerator ? "denominator" : "numerator";
        errors.push_back({prefix + missing, std::string("Enter the ") + missing + " too, or neither"});
    }
    if (!given && !bad_value && !has_numerator && !has_denominator)
        errors.push_back({prefix + "value", "Enter the value"});
    if (given) v.value = given->value;
    // The counts are checked even beside a bad value, so that every problem shows at once.
    if (v.numerator && v.denominator) {
        auto worked_out = from_counts(errors, prefix, indicator.unit, *v.numerator, *v.denominator, given);
        if (worked_out) v.value = *worked_out;
    }
    if (!errors.empty()) return rejected(std::move(errors));
    return v;
}

Result<std::vector<Value>> values_from(const Fields& f, const std::vector<Indicator>& indicators) {
    Errors errors;
    std::vector<Value> values;
    for (const auto& indicator : indicators) {
        auto prefix = value_field(indicator.code, "");
        if (all_blank(f, prefix)) continue;
        auto value = value_from(f, indicator, prefix);
        if (value)
            values.push_back(std::move(*value));
        else
            errors.insert(errors.end(), value.error().fields.begin(), value.error().fields.end());
    }
    if (!errors.empty()) return rejected(std::move(errors));
    return values;
}

std::vector<FieldError> missing_values(const std::vector<Indicator>& expected, const std::vector<Value>& values) {
    std::vector<FieldError> errors;
    for (const auto& indicator : expected) {
        bool given =
            std::any_of(values.begin(), values.end(), [&](const Value& v) { return v.indicator_id == indicator.id; });
        if (!given)
            errors.push_back({value_field(indicator.code, "value"),
                              "Enter a value for " + indicator.code + " (" + indicator.title + ") before submitting"});
    }
    return errors;
}

// ---- moving a return on -------------------------------------------------------------------

bool editable(ReturnStatus status) { return status == ReturnStatus::draft || status == ReturnStatus::queried; }

namespace {

std::unexpected<Error> wrong_status(std::string_view what, std::string_view allowed, ReturnStatus status) {
    return fail(ErrorKind::conflict, "Only " + std::string(allowed) + " return can be " + std::string(what) +
                                         "; this one is " + lower_ascii(label_of(status)));
}

// The question or the answer: required, one block of at most 2,000 characters.
Result<std::string> wording(std::string_view text, const std::string& field, std::string_view what) {
    Errors errors;
    auto value = fields::block(errors, {{field, std::string(text)}}, field, what, 2000);
    if (errors.empty() && value.empty()) errors.push_back({field, "Enter the " + lower_ascii(what)});
    if (!errors.empty()) return rejected(std::move(errors));
    return value;
}

}  // namespace

Result<Return> step_return(const Return& before, Step step, std::string_view text, const Stamp& stamp) {
    Return after = before;
    switch (step) {
    case Step::submit: {
        if (!editable(before.status)) return wrong_status("submitted", "a draft or a queried", before.status);
        if (before.status == ReturnStatus::queried) {
            auto answer = wording(text, "answer", "Answer to the query");
            if (!answer) return std::unexpected(answer.error());
            after.answer = *answer;
            after.answered = stamp;
        }
        after.submitted = stamp;
        break;
    }
    case Step::query: {
        if (before.status != ReturnStatus::submitted) return wrong_status("queried", "a submitted", before.status);
        auto question = wording(text, "question", "Question");
        if (!question) return std::unexpected(question.error());
        after.question = *question;
        after.queried = stamp;
        after.answer.clear();
        after.answered.reset();
        break;
    }
    case Step::accept:
        if (before.status != ReturnStatus::submitted) return wrong_status("accepted", "a submitted", before.status);
        after.accepted = stamp;
        break;
    }
    after.status = step == Step::submit  ? ReturnStatus::submitted
                   : step == Step::query ? ReturnStatus::queried
                                         : ReturnStatus::accepted;
    return after;
}

}  // namespace safeboard::performance
