// Returns and values as agencies make them: nearly every return of an old
// quarter accepted, some late, a few still in draft or missing; the latest
// quarter still coming in. Values sit mostly on or near their targets, with
// about one in ten outside tolerance, so the exceptions report has work to do.
#include "national/reports.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

#include "modules/performance/periods.hpp"
#include "modules/performance/rules.hpp"
#include "national/draw.hpp"

namespace safeboard::national {

namespace {

using performance::PeriodDates;
using performance::PeriodKind;

enum class Fate { missing, draft, queried, submitted, accepted };
enum class Band { green, amber, red };

const char* kind_code(PeriodKind kind) {
    switch (kind) {
    case PeriodKind::quarter: return "quarter";
    case PeriodKind::half: return "half";
    case PeriodKind::year: return "year";
    }
    return "quarter";
}

const char* frequency_code(PeriodKind kind) {
    switch (kind) {
    case PeriodKind::quarter: return "quarterly";
    case PeriodKind::half: return "biannual";
    case PeriodKind::year: return "annual";
    }
    return "quarterly";
}

// The quarter's period, and the half and the reporting year it ends. Every
// partnership's year starts in January, April, July or October, so its
// quarters are calendar quarters.
std::vector<PeriodDates> periods_ending(int quarter, int year_starts_month) {
    int year = quarter / 4;
    int starts_month = (quarter % 4) * 3 + 1;
    int first_year = starts_month >= year_starts_month ? year : year - 1;
    int number = ((starts_month - year_starts_month + 12) % 12) / 3 + 1;
    std::vector<PeriodDates> periods{
        performance::period_of(PeriodKind::quarter, first_year, number, year_starts_month)};
    if (number % 2 == 0)
        periods.push_back(performance::period_of(PeriodKind::half, first_year, number / 2, year_starts_month));
    if (number == 4) periods.push_back(performance::period_of(PeriodKind::year, first_year, 1, year_starts_month));
    return periods;
}

std::string stamp(const std::string& day, const char* time) { return day + "T" + time + "Z"; }

Fate fate_of(Draw& draw, bool latest) {
    auto u = draw.uniform();
    if (latest) {
        return u < 0.10   ? Fate::missing
               : u < 0.18 ? Fate::draft
               : u < 0.21 ? Fate::queried
               : u < 0.55 ? Fate::submitted
                          : Fate::accepted;
    }
    return u < 0.025   ? Fate::missing
           : u < 0.04  ? Fate::draft
           : u < 0.045 ? Fate::queried
           : u < 0.07  ? Fate::submitted
                       : Fate::accepted;
}

Band band_of(Draw& draw) {
    auto u = draw.uniform();
    return u < 0.74 ? Band::green : u < 0.90 ? Band::amber : Band::red;
}

// A percentage in the band around the target.
double percent_in(Band band, const IndicatorSpec& spec, const performance::Target& target, Draw& draw) {
    auto t = target.value;
    auto tolerance = target.tolerance;
    if (spec.polarity == "lower_is_better") {
        if (band == Band::green) return draw.between(std::max(0.0, t - 10), t);
        if (band == Band::amber) return draw.between(t + 0.1, t + tolerance);
        return draw.between(t + tolerance + 0.1, std::min(100.0, t + tolerance + 15));
    }
    if (band == Band::green) return draw.between(t, 100.0);
    if (band == Band::amber) return draw.between(t - tolerance, t - 0.1);
    return draw.between(std::max(0.0, t - tolerance - 20), t - tolerance - 0.1);
}

// A whole count in the band around the target.
std::int64_t count_in(Band band, const IndicatorSpec& spec, const performance::Target& target, Draw& draw) {
    auto t = std::llround(target.value);
    auto tolerance = std::llround(target.tolerance);
    if (tolerance < 1) band = Band::green;  // no room for an amber count
    if (spec.polarity == "lower_is_better") {
        if (band == Band::green) return draw.whole(0, t);
        if (band == Band::amber) return draw.whole(t + 1, t + tolerance);
        return draw.whole(t + tolerance + 1, t + tolerance + 4);
    }
    if (band == Band::green) return draw.whole(t, t + 4);
    if (band == Band::red && t - tolerance >= 1)
        return draw.whole(std::max<std::int64_t>(0, t - tolerance - 4), t - tolerance - 1);
    return draw.whole(t - tolerance, t - 1);
}

class Reporter {
public:
    Reporter(const Shape& shape, const Partnership& partnership, const Calendar& calendar, std::uint64_t seed,
             Sink& sink)
        : shape_(shape), partnership_(partnership), calendar_(calendar), seed_(seed), sink_(sink) {}

    void period(const PeriodDates& dates, bool latest) {
        PeriodRow row{partnership_.id,
                      kind_code(dates.kind),
                      dates.name,
                      dates.starts_on,
                      dates.ends_on,
                      performance::due_on(dates.ends_on, partnership_.due_days),
                      stamp(dates.starts_on, "08:00:00")};
        auto period_id = sink_.add_period(row);
        Due due{period_id, &dates, row.due_on, latest, frequency_code(dates.kind)};
        returner(due, nullptr);
        for (const auto& member : partnership_.members) returner(due, &member);
    }

private:
    struct Due {
        std::int64_t period_id;
        const PeriodDates* dates;
        std::string due_on;
        bool latest;
        const char* frequency;
    };

    static bool active(const Organisation& o, const PeriodDates& dates) {
        return (!o.active_from || *o.active_from <= dates.ends_on) && (!o.active_to || *o.active_to >= dates.starts_on);
    }

    std::vector<std::size_t> owed(const Due& due, const Member* member, const Organisation* organisation) const {
        std::vector<std::size_t> indices;
        for (std::size_t k = 0; k < shape_.suite.size(); ++k) {
            const auto& spec = shape_.suite[k];
            if (spec.frequency == due.frequency && owes(spec, partnership_, member, organisation)) indices.push_back(k);
        }
        return indices;
    }

    void returner(const Due& due, const Member* member) {
        const Organisation* organisation = member ? &shape_.organisations[member->organisation] : nullptr;
        if (organisation && !active(*organisation, *due.dates)) return;
        auto indices = owed(due, member, organisation);
        if (indices.empty()) return;
        std::int64_t key = organisation ? organisation->id : 0;
        // Keyed by what the return is for, never by an id the sink gave.
        Draw draw(seed_, {5, partnership_.id, quarter_of(due.dates->starts_on),
                          static_cast<std::int64_t>(due.dates->kind), key});
        auto fate = fate_of(draw, due.latest);
        if (fate == Fate::missing) return;
        auto row = return_row(due, organisation, fate, draw);
        auto return_id = sink_.add_return(row);
        for (auto k : indices) {
            if (fate == Fate::draft && !draw.chance(0.5)) continue;
            sink_.add_value(value_row(k, organisation, *due.dates, draw, return_id, row.updated_at));
        }
    }

    std::string capped(std::string day) const { return std::min(day, calendar_.as_of); }

    ReturnRow return_row(const Due& due, const Organisation* organisation, Fate fate, Draw& draw) const {
        const auto& ends_on = due.dates->ends_on;
        ReturnRow r;
        r.partnership_id = partnership_.id;
        r.period_id = due.period_id;
        if (organisation) r.organisation_id = organisation->id;
        r.created_at = stamp(capped(performance::add_days(ends_on, static_cast<int>(draw.whole(1, 4)))), "09:00:00");
        r.updated_at = r.created_at;
        r.status = "draft";
        if (fate == Fate::draft) return r;
        bool late = draw.chance(due.latest ? 0.2 : 0.12);
        auto day = late ? performance::add_days(due.due_on, static_cast<int>(draw.whole(1, 20)))
                        : performance::add_days(ends_on, static_cast<int>(draw.whole(5, partnership_.due_days)));
        day = capped(day);
        r.submitted_at = stamp(day, "14:30:00");
        r.submitted_by = organisation ? "returns." + std::to_string(organisation->id) + "@agency.example.org"
                                      : "business.unit@" + partnership_.code + ".example.org";
        r.updated_at = *r.submitted_at;
        r.status = fate == Fate::queried ? "queried" : fate == Fate::submitted ? "submitted" : "accepted";
        auto unit = "business.unit@" + partnership_.code + ".example.org";
        if (fate == Fate::queried) {
            r.queried_at = stamp(capped(performance::add_days(day, 3)), "15:00:00");
            r.queried_by = unit;
            r.question = "Please check the denominator: it is well below last quarter's.";
            r.updated_at = *r.queried_at;
        } else if (fate == Fate::accepted) {
            r.accepted_at = stamp(capped(performance::add_days(day, static_cast<int>(draw.whole(2, 21)))), "16:00:00");
            r.accepted_by = unit;
            r.updated_at = *r.accepted_at;
        }
        return r;
    }

    ValueRow value_row(std::size_t k, const Organisation* organisation, const PeriodDates& dates, Draw& draw,
                       std::int64_t return_id, const std::string& updated_at) const {
        const auto& spec = shape_.suite[k];
        ValueRow v;
        v.return_id = return_id;
        v.indicator_id = indicator_id(shape_, partnership_, k);
        v.updated_at = updated_at;
        auto target = performance::target_for(spec.targets, dates.starts_on);
        auto band = band_of(draw);
        int staff = organisation ? organisation->staff : 0;
        if (spec.unit == "percentage") {
            auto d = spec.denominator_per_staff > 0
                         ? std::max<std::int64_t>(
                               1, std::llround(staff * spec.denominator_per_staff * draw.between(0.9, 1.1)))
                         : draw.whole(spec.denominator_low, spec.denominator_high);
            auto p = target ? percent_in(band, spec, *target, draw) : draw.between(50.0, 100.0);
            auto n = std::clamp<std::int64_t>(std::llround(static_cast<double>(d) * p / 100), 0, d);
            v.numerator = n;
            v.denominator = d;
            v.value = std::round(1000.0 * static_cast<double>(n) / static_cast<double>(d)) / 10;
        } else if (target) {
            v.value = static_cast<double>(count_in(band, spec, *target, draw));
        } else {
            v.value = static_cast<double>(std::llround(staff / 100.0 * spec.per_100_staff * draw.between(0.5, 1.5)));
        }
        if (target && band == Band::red && draw.chance(0.3))
            v.note = "Outside tolerance: a recovery plan is agreed with the business unit.";
        return v;
    }

    const Shape& shape_;
    const Partnership& partnership_;
    const Calendar& calendar_;
    std::uint64_t seed_;
    Sink& sink_;
};

}  // namespace

int quarter_of(std::string_view day) {
    int year = 0;
    int month = 0;
    std::from_chars(day.data(), day.data() + 4, year);
    std::from_chars(day.data() + 5, day.data() + 7, month);
    return year * 4 + (month - 1) / 3;
}

void report_quarter(const Shape& shape, const Partnership& partnership, int quarter, const Calendar& calendar,
                    std::uint64_t seed, Sink& sink) {
    Reporter reporter(shape, partnership, calendar, seed, sink);
    for (const auto& dates : periods_ending(quarter, partnership.year_starts_month))
        reporter.period(dates, quarter == calendar.latest);
}

}  // namespace safeboard::national
