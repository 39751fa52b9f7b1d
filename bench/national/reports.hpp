#pragma once
// What one partnership's agencies report for one quarter: the quarter's
// period (with the half and the reporting year it ends), every expected
// returner's return with its status and stamps, and the values in it. The
// rows go to a Sink, which writes them or only counts them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "national/shape.hpp"

namespace safeboard::national {

// Calendar quarters numbered from year 0: year * 4 + (0 for January to March, ... 3).
int quarter_of(std::string_view day);

struct Calendar {
    int latest = 0;     // the latest complete quarter: its returns are still coming in
    std::string as_of;  // the day the data is as of: no stamp is later
};

struct PeriodRow {
    std::int64_t partnership_id = 0;
    std::string kind;  // quarter, half or year
    std::string name;
    std::string starts_on;
    std::string ends_on;
    std::string due_on;
    std::string created_at;
};

struct ReturnRow {
    std::int64_t partnership_id = 0;
    std::int64_t period_id = 0;
    std::optional<std::int64_t> organisation_id;  // none: the partnership's own return
    std::string status;
    std::optional<std::string> submitted_at;  // also its first submission: none is sent back and sent again
    std::optional<std::string> submitted_by;
    std::optional<std::string> queried_at;
    std::optional<std::string> queried_by;
    std::string question;
    std::optional<std::string> accepted_at;
    std::optional<std::string> accepted_by;
    std::string created_at;
    std::string updated_at;
};

struct ValueRow {
    std::int64_t return_id = 0;
    std::int64_t indicator_id = 0;
    double value = 0;
    std::optional<std::int64_t> numerator;
    std::optional<std::int64_t> denominator;
    std::string note;
    std::string updated_at;
};

class Sink {
public:
    virtual ~Sink() = default;
    virtual std::int64_t add_period(const PeriodRow& row) = 0;  // its id
    virtual std::int64_t add_return(const ReturnRow& row) = 0;  // its id
    virtual void add_value(const ValueRow& row) = 0;
};

void report_quarter(const Shape& shape, const Partnership& partnership, int quarter, const Calendar& calendar,
                    std::uint64_t seed, Sink& sink);

}  // namespace safeboard::national
