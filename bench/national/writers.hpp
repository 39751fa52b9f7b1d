#pragma once
// The shape and the reports as rows of the register's and the performance
// framework's tables, with ids given here (the database is empty), so
// values can name their return without reading it back.
#include <cstdint>
#include <map>
#include <string>

#include "national/bulk_insert.hpp"
#include "national/reports.hpp"
#include "national/shape.hpp"

namespace safeboard::national {

// Rows written, by table.
using Counts = std::map<std::string, std::int64_t>;

// Partnerships with their settings, organisations and their memberships, and
// each partnership's indicator suite with its returners and targets.
Counts write_register(BulkLoad& load, const Shape& shape);

class ReportWriter final : public Sink {
public:
    explicit ReportWriter(BulkLoad& load);
    std::int64_t add_period(const PeriodRow& row) override;
    std::int64_t add_return(const ReturnRow& row) override;
    void add_value(const ValueRow& row) override;
    // Writes what is still waiting; the counts of every table.
    Counts finish();

private:
    BulkInsert periods_;
    BulkInsert returns_;
    BulkInsert values_;
    std::int64_t last_period_id_ = 0;
    std::int64_t last_return_id_ = 0;
};

}  // namespace safeboard::national
