#include "modules/performance/vocabulary.hpp"

#include <array>

namespace safeboard::performance {

namespace {

constexpr std::array<Term<Unit>, 4> unit_terms{{
    {Unit::count, "count", "Count"},
    {Unit::percentage, "percentage", "Percentage"},
    {Unit::rate_per_10000, "rate_per_10000", "Rate per 10,000 children"},
    {Unit::days, "days", "Days"},
}};

constexpr std::array<Term<Polarity>, 3> polarity_terms{{
    {Polarity::higher_is_better, "higher_is_better", "Higher is better"},
    {Polarity::lower_is_better, "lower_is_better", "Lower is better"},
    {Polarity::neither, "neither", "Neither higher nor lower is better"},
}};

constexpr std::array<Term<Frequency>, 3> frequency_terms{{
    {Frequency::quarterly, "quarterly", "Quarterly"},
    {Frequency::biannual, "biannual", "Twice a year"},
    {Frequency::annual, "annual", "Yearly"},
}};

constexpr std::array<Term<PeriodKind>, 3> period_kind_terms{{
    {PeriodKind::quarter, "quarter", "Quarter"},
    {PeriodKind::half, "half", "Half year"},
    {PeriodKind::year, "year", "Year"},
}};

constexpr std::array<Term<ReturnerKind>, 4> returner_kind_terms{{
    {ReturnerKind::partner_agencies, "partner_agencies", "Partner agencies"},
    {ReturnerKind::sector, "sector", "Sector"},
    {ReturnerKind::organisation, "organisation", "Organisation"},
    {ReturnerKind::partnership, "partnership", "The partnership"},
}};

constexpr std::array<Term<ReturnStatus>, 4> return_status_terms{{
    {ReturnStatus::draft, "draft", "Draft"},
    {ReturnStatus::submitted, "submitted", "Submitted"},
    {ReturnStatus::queried, "queried", "Queried"},
    {ReturnStatus::accepted, "accepted", "Accepted"},
}};

constexpr std::array<Term<Step>, 3> step_terms{{
    {Step::submit, "submit", "Submit"},
    {Step::query, "query", "Query"},
    {Step::accept, "accept", "Accept"},
}};

constexpr std::array<Term<Rag>, 3> rag_terms{{
    {Rag::red, "red", "Red"},
    {Rag::amber, "amber", "Amber"},
    {Rag::green, "green", "Green"},
}};

}  // namespace

std::span<const Term<Unit>> units() { return unit_terms; }
std::span<const Term<Polarity>> polarities() { return polarity_terms; }
std::span<const Term<Frequency>> frequencies() { return frequency_terms; }
std::span<const Term<PeriodKind>> period_kinds() { return period_kind_terms; }
std::span<const Term<ReturnerKind>> returner_kinds() { return returner_kind_terms; }
std::span<const Term<ReturnStatus>> return_statuses() { return return_status_terms; }
std::span<const Term<Step>> steps() { return step_terms; }
std::span<const Term<Rag>> rags() { return rag_terms; }

}  // namespace safeboard::performance
