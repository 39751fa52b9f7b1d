// The RAG rating, ranking, partnership figures and completeness.
#include <algorithm>
#include <cmath>

#include "modules/performance/rules.hpp"

namespace safeboard::performance {

namespace {

// Edges count towards the better rating, whatever a division left behind.
constexpr double slack = 1e-9;

bool at_least(double value, double bound) { return value >= bound - slack; }
bool at_most(double value, double bound) { return value <= bound + slack; }

bool by_name(const RatedValue& a, const RatedValue& b) { return a.returner_name < b.returner_name; }

}  // namespace

std::optional<Rag> rag_of(double value, Polarity polarity, const std::optional<Target>& target) {
    if (!target) return std::nullopt;
    auto t = target->value;
    auto tolerance = target->tolerance;
    switch (polarity) {
    case Polarity::higher_is_better:
        if (at_least(value, t)) return Rag::green;
        return at_least(value, t - tolerance) ? Rag::amber : Rag::red;
    case Polarity::lower_is_better:
        if (at_most(value, t)) return Rag::green;
        return at_most(value, t + tolerance) ? Rag::amber : Rag::red;
    case Polarity::neither:
        return at_least(value, t - tolerance) && at_most(value, t + tolerance) ? Rag::green : Rag::red;
    }
    return std::nullopt;
}

void rank(std::vector<RatedValue>& values, Polarity polarity, const std::optional<Target>& target) {
    auto score = [&](const RatedValue& v) {
        switch (polarity) {
        case Polarity::higher_is_better: return -v.value.value;
        case Polarity::lower_is_better: return v.value.value;
        case Polarity::neither: return target ? std::fabs(v.value.value - target->value) : v.value.value;
        }
        return v.value.value;
    };
    std::stable_sort(values.begin(), values.end(), [&](const RatedValue& a, const RatedValue& b) {
        auto sa = score(a);
        auto sb = score(b);
        return sa != sb ? sa < sb : by_name(a, b);
    });
}

Aggregate aggregate_of(Unit unit, const Sums& sums) {
    Aggregate a;
    a.values = sums.values;
    a.with_counts = sums.with_counts;
    if (sums.values == 0) return a;
    auto mean = sums.value_sum / static_cast<double>(sums.values);
    switch (unit) {
    case Unit::count: a.value = sums.value_sum; break;
    case Unit::days: a.value = mean; break;
    case Unit::percentage:
    case Unit::rate_per_10000:
        a.weighted = sums.with_counts > 0 && sums.denominator > 0;
        a.value = a.weighted ? ratio_value(unit, sums.numerator, sums.denominator) : mean;
        break;
    }
    return a;
}

int percentage(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) return 0;
    return static_cast<int>((part * 200 + whole) / (whole * 2));
}

Completeness completeness_of(const Period& period, std::vector<ReturnerStatus> returners, std::string_view today) {
    Completeness c;
    c.period = period;
    for (auto& r : returners) {
        r.returned = r.status == ReturnStatus::submitted || r.status == ReturnStatus::accepted;
        auto submitted_day = r.submitted_at ? r.submitted_at->substr(0, 10) : std::string();
        r.late = r.returned && submitted_day > period.due_on;
        r.overdue = !r.returned && today > period.due_on;
        c.returned += r.returned ? 1 : 0;
        c.late += r.late ? 1 : 0;
    }
    c.expected = static_cast<int>(returners.size());
    c.percent = c.expected == 0 ? 100 : percentage(c.returned, c.expected);
    c.returners = std::move(returners);
    return c;
}

std::vector<ReturnerStatus> Completeness::missing() const {
    std::vector<ReturnerStatus> found;
    std::copy_if(returners.begin(), returners.end(), std::back_inserter(found),
                 [](const ReturnerStatus& r) { return !r.returned; });
    return found;
}

std::vector<ReturnerStatus> Completeness::late_ones() const {
    std::vector<ReturnerStatus> found;
    std::copy_if(returners.begin(), returners.end(), std::back_inserter(found),
                 [](const ReturnerStatus& r) { return r.late; });
    return found;
}

}  // namespace safeboard::performance
