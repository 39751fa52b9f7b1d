// safeboard_national_dataset: fills an empty database with a national-scale
// performance dataset (every English partnership in one instance) for the
// analysis benchmarks. Deterministic: the same sizes and seed give the same
// rows on either backend.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "modules/performance/periods.hpp"
#include "national/bulk_insert.hpp"
#include "national/reports.hpp"
#include "national/shape.hpp"
#include "national/writers.hpp"
#include "platform/db/migrations.hpp"

namespace safeboard::national {

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    std::string url;
    Sizes sizes;
    std::string latest_quarter = "2026-07-01";  // a day in it
};

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::string grouped(std::int64_t n) {
    auto digits = std::to_string(n);
    std::string text;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) text.push_back(',');
        text.push_back(digits[i]);
    }
    return text;
}

class Counter final : public Sink {
public:
    std::int64_t add_period(const PeriodRow&) override { return 0; }
    std::int64_t add_return(const ReturnRow&) override { return 0; }
    void add_value(const ValueRow&) override { ++values; }
    std::int64_t values = 0;
};

// Forty years of quarters at most: a shape that returns too little for the
// values asked for stops there rather than reaching back for ever.
constexpr int most_quarters = 160;

// The first quarter of each partnership's history: counting back from the
// latest quarter, partnership by partnership, until the values asked for
// are reached.
std::vector<int> plan_history(const Shape& shape, const Calendar& calendar, const Sizes& sizes) {
    std::vector<int> first(shape.partnerships.size(), calendar.latest + 1);
    Counter counter;
    for (int q = calendar.latest; q > calendar.latest - most_quarters; --q) {
        for (const auto& p : shape.partnerships) {
            report_quarter(shape, p, q, calendar, sizes.seed, counter);
            first[static_cast<std::size_t>(p.id - 1)] = q;
            if (counter.values >= sizes.values) return first;
        }
    }
    std::cerr << "national dataset: " << sizes.organisations << " organisations return only " << counter.values
              << " values in " << most_quarters / 4 << " years; writing those\n";
    return first;
}

Counts write_reports(BulkLoad& load, const Shape& shape, const Calendar& calendar, const std::vector<int>& first,
                     std::uint64_t seed) {
    ReportWriter writer(load);
    int earliest = *std::min_element(first.begin(), first.end());
    for (int q = earliest; q <= calendar.latest; ++q) {
        for (const auto& p : shape.partnerships) {
            if (q >= first[static_cast<std::size_t>(p.id - 1)]) report_quarter(shape, p, q, calendar, seed, writer);
        }
        if (q % 4 == 3 || q == calendar.latest) std::cerr << "  written to the end of " << q / 4 << "\n";
    }
    return writer.finish();
}

// Settings that only a bulk load should use: nothing here must survive a
// crash, since a failed load is simply run again into an empty database.
void prepare_for_load(db::Connection& db) {
    if (db.backend() == db::Backend::sqlite) {
        db.execute_script("PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
    } else {
        db.execute_script("SET synchronous_commit = off");
    }
}

// The planner's statistics, and on PostgreSQL the visibility map (so index-only
// scans need not visit the heap) and the identity sequences moved past the
// ids given here, so the application's own inserts carry on after them.
void finish_load(db::Connection& db) {
    if (db.backend() == db::Backend::sqlite) {
        db.execute_script("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        return;
    }
    for (const char* table :
         {"partnerships", "organisations", "performance_indicators", "performance_periods", "performance_returns"}) {
        db.query(std::string("SELECT setval(pg_get_serial_sequence('") + table + "', 'id'), (SELECT MAX(id) FROM " +
                 table + "))");
    }
    db.execute_script("VACUUM ANALYZE");
}

std::int64_t database_bytes(db::Connection& db, const db::DatabaseUrl& url) {
    if (db.backend() == db::Backend::postgresql)
        return db.query("SELECT pg_database_size(current_database())").rows.at(0).integer(0);
    std::error_code error;
    auto size = std::filesystem::file_size(url.target, error);
    return error ? 0 : static_cast<std::int64_t>(size);
}

performance::PeriodDates quarter_dates(int quarter) {
    return performance::period_of(performance::PeriodKind::quarter, quarter / 4, quarter % 4 + 1, 1);
}

Calendar calendar_for(const std::string& day_in_latest_quarter) {
    Calendar calendar;
    calendar.latest = quarter_of(day_in_latest_quarter);
    // Seven weeks after the quarter: its returns were due three weeks ago at most.
    calendar.as_of = performance::add_days(quarter_dates(calendar.latest).ends_on, 50);
    return calendar;
}

struct Timings {
    double migrate = 0, plan = 0, write = 0, analyse = 0, all = 0;
};

void print_summary(const Counts& counts, int earliest, const Calendar& calendar, std::int64_t bytes, const Timings& t) {
    for (const auto& [table, rows] : counts) std::cout << "  " << table << ": " << grouped(rows) << "\n";
    auto latest = quarter_dates(calendar.latest);
    std::cout << "history: " << quarter_dates(earliest).starts_on << " to " << latest.ends_on << "\n"
              << "latest quarter: " << latest.starts_on << " to " << latest.ends_on << ", data as of " << calendar.as_of
              << "\n"
              << "database size: " << grouped(bytes / (1024 * 1024)) << " MiB\n"
              << std::fixed << std::setprecision(1) << "time: migrate " << t.migrate << " s, plan " << t.plan
              << " s, write " << t.write << " s, analyse " << t.analyse << " s; " << t.all << " s in all\n";
}

int generate(const Options& options) {
    auto url = db::parse_database_url(options.url);
    if (!url) {
        std::cerr << "national dataset: " << url.error().message << "\n";
        return 2;
    }
    Timings t;
    auto started = Clock::now();
    auto connection = db::connect(*url);
    db::migrate(*connection, app::all_migrations());
    if (!connection->query("SELECT id FROM partnerships LIMIT 1").empty()) {
        std::cerr << "national dataset: " << url->redacted << " already holds partnerships; give an empty database\n";
        return 1;
    }
    prepare_for_load(*connection);
    t.migrate = seconds_since(started);

    auto step = Clock::now();
    auto shape = make_shape(options.sizes);
    auto calendar = calendar_for(options.latest_quarter);
    auto first = plan_history(shape, calendar, options.sizes);
    t.plan = seconds_since(step);

    step = Clock::now();
    BulkLoad load(*connection, 100'000);
    auto counts = write_register(load, shape);
    counts.merge(write_reports(load, shape, calendar, first, options.sizes.seed));
    load.finish();
    t.write = seconds_since(step);

    step = Clock::now();
    finish_load(*connection);
    t.analyse = seconds_since(step);
    t.all = seconds_since(started);

    std::cout << "national dataset in " << url->redacted << " (" << db::to_string(url->backend) << ")\n";
    print_summary(counts, *std::min_element(first.begin(), first.end()), calendar, database_bytes(*connection, *url),
                  t);
    return 0;
}

}  // namespace

}  // namespace safeboard::national

int main(int argc, char** argv) {
    using safeboard::national::Options;
    Options options;
    CLI::App cli{"Fills an empty Safeboard database with a national-scale performance dataset",
                 "safeboard_national_dataset"};
    cli.add_option("--db", options.url, "sqlite:PATH or postgresql://...")->required();
    cli.add_option("--partnerships", options.sizes.partnerships, "Partnerships")->check(CLI::PositiveNumber);
    cli.add_option("--organisations", options.sizes.organisations, "Organisations")->check(CLI::PositiveNumber);
    cli.add_option("--values", options.sizes.values, "Indicator values, about")->check(CLI::PositiveNumber);
    cli.add_option("--seed", options.sizes.seed, "Seed of the random draws");
    cli.add_option("--latest-quarter", options.latest_quarter, "A day (YYYY-MM-DD) in the latest complete quarter")
        ->check([](const std::string& day) {
            return safeboard::performance::add_days(day, 0) == day ? std::string() : "must be a date, YYYY-MM-DD";
        });
    CLI11_PARSE(cli, argc, argv);
    try {
        return safeboard::national::generate(options);
    } catch (const std::exception& error) {
        // A failed bulk INSERT names its whole statement: its start is enough.
        std::string what = error.what();
        if (what.size() > 600) what = what.substr(0, 600) + " ...";
        std::cerr << "national dataset: " << what << "\n";
        return 1;
    }
}
