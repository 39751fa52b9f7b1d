#pragma once
// Reporting years and the periods within them, all pure. A partnership's
// reporting year starts in the month its settings name (Southend's in
// October, so "2011/12" runs from 1 October 2011 to 30 September 2012);
// its quarters, halves and the year itself are numbered from that month:
// Southend's Q1 2011/12 is October to December 2011. A year that starts in
// January is named by its one calendar year: "Q1 2012", "2012". Dates are
// YYYY-MM-DD text, both ends of a period included.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/performance/model.hpp"

namespace safeboard::performance {

struct ReportingYear {
    int first_year = 0;     // the calendar year it starts in
    std::string starts_on;  // "2011-10-01"
    std::string ends_on;    // "2012-09-30"
    std::string label;      // "2011/12"; "2012" when the year starts in January
};
ReportingYear reporting_year(int first_year, int year_starts_month);
// The reporting year a day (YYYY-MM-DD) falls in.
ReportingYear reporting_year_holding(std::string_view day, int year_starts_month);
// "2011/12", "2011-12", "2011/2012" or "2011" → 2011, the calendar year it starts in.
std::optional<int> parse_reporting_year(std::string_view text);

// A period worked out from the reporting year: which of its quarters (1–4),
// halves (1–2) or the year itself (1) it is.
struct PeriodDates {
    PeriodKind kind = PeriodKind::quarter;
    int first_year = 0;  // of the reporting year
    int number = 1;
    std::string starts_on;
    std::string ends_on;
    std::string name;  // "Q1 2011/12", "H2 2011/12", "2011/12"
};
// The `number`th quarter, half or year (1) of the reporting year starting in first_year.
PeriodDates period_of(PeriodKind kind, int first_year, int number, int year_starts_month);
// The period from starts_on to ends_on when they make a whole quarter, half
// or year of the reporting year; nullopt for any other span.
std::optional<PeriodDates> period_between(std::string_view starts_on, std::string_view ends_on, int year_starts_month);
// "Q1 2011/12", "H2 2011/12", "2011/12" (any case; "2011-12" too) → the period.
std::optional<PeriodDates> parse_period_name(std::string_view text, int year_starts_month);
// The periods an indicator of this frequency is returned for in a reporting
// year, in order: four quarters, two halves or the year.
std::vector<PeriodDates> periods_of(Frequency frequency, int first_year, int year_starts_month);
std::vector<PeriodDates> quarters_of(int first_year, int year_starts_month);

// The period an indicator of a frequency is returned for, and back.
PeriodKind period_kind_for(Frequency frequency);
Frequency frequency_for(PeriodKind kind);

// The day `days` after `day` (negative: before); `day` must be a real date.
std::string add_days(std::string_view day, int days);
// When a period's returns fall due: `due_days` after its last day.
std::string due_on(std::string_view ends_on, int due_days);

}  // namespace safeboard::performance
