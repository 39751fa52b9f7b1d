#include "app/plans_commands.hpp"

#include "app/command_support.hpp"
#include "modules/plans/import.hpp"
#include "modules/plans/reminders.hpp"
#include "modules/plans/store.hpp"
#include "modules/register/store.hpp"
#include "platform/auth/page.hpp"
#include "platform/log/log.hpp"

namespace safeboard::app {

namespace {

// A plan of the partnership, by id or by its exact title.
std::optional<plans::Plan> plan_named(db::Connection& db, const register_::Partnership& partnership,
                                      const std::string& text) {
    auto plan = auth::parse_id(text) ? plans::find_plan(db, *auth::parse_id(text))
                                     : plans::find_plan_titled(db, partnership.id, text);
    if (!plan || plan->partnership_id != partnership.id) return std::nullopt;
    return plan;
}

// The work of a plans sheet command, once the partnership and (for actions) the plan are found.
template <typename Work>
int with_plans_sheet(const config::Settings& settings, const SheetOptions& options, const std::string& plan_text,
                     const char* what, std::ostream& err, Work work) {
    return with_database(settings, what, err, [&](db::Connection& db) {
        auto partnership = partnership_named(db, options.partnership);
        if (!partnership) return refuse(err, "there is no partnership \"" + options.partnership + "\"");
        std::optional<plans::Plan> plan;
        if (options.kind == "actions") {
            plan = plan_named(db, *partnership, plan_text);
            if (!plan) return refuse(err, "there is no plan \"" + plan_text + "\" in " + partnership->code);
        }
        return work(db, *partnership, plan);
    });
}

void print_summary(const plans::RunSummary& summary, bool mail, std::ostream& out, std::ostream& err) {
    out << "remind: " << summary.reminders << " reminders for " << summary.people << " people on " << summary.on
        << " (" << summary.recorded << " new; " << summary.actions << " actions overdue or due within "
        << plans::kReminderDays << " days); ";
    if (!mail) {
        out << "mail is not configured, so no e-mails were sent\n";
    } else {
        out << summary.emails_sent << " e-mails sent";
        if (summary.without_address > 0) out << "; " << summary.without_address << " people have no e-mail address";
        out << "\n";
    }
    for (const auto& failure : summary.failures) {
        err << "safeboard: e-mail to " << failure.person_name << " (person " << failure.person_id
            << ") failed: " << failure.message << "\n";
    }
}

void log_summary(const plans::RunSummary& summary) {
    log::info("reminders", {{"on", summary.on},
                            {"actions", summary.actions},
                            {"reminders", summary.reminders},
                            {"new", summary.recorded},
                            {"people", summary.people},
                            {"emails_sent", summary.emails_sent},
                            {"emails_failed", summary.failures.size()},
                            {"without_address", summary.without_address},
                            {"stopped", summary.stopped}});
    for (const auto& failure : summary.failures) {
        log::warn("reminder e-mail failed", {{"person_id", failure.person_id}, {"error", failure.message}});
    }
}

}  // namespace

bool is_plans_sheet(std::string_view kind) { return kind == "actions" || kind == "recommendations"; }

std::optional<std::string> plan_option_problem(std::string_view kind, const std::optional<std::string>& plan) {
    if (kind == "actions" && (!plan || plan->empty()))
        return "actions need --plan: the id or title of the plan they belong to";
    if (kind != "actions" && plan) return "--plan is only for actions, not " + std::string(kind);
    return std::nullopt;
}

int import_plans_sheet(const config::Settings& settings, const SheetOptions& options, const std::string& plan,
                       std::ostream& out, std::ostream& err) {
    auto bytes = read_whole_file(options.file);
    if (!bytes) return refuse(err, "cannot read " + options.file);
    return with_plans_sheet(settings, options, plan, "import failed", err,
                            [&](db::Connection& db, const register_::Partnership& partnership,
                                const std::optional<plans::Plan>& into) {
                                const access::ScopeFilter everything{true, {}};
                                auto report = into ? plans::import_actions(db, *into, *bytes, everything, command_actor())
                                                   : plans::import_recommendations(db, partnership.id, *bytes,
                                                                                   everything, command_actor());
                                if (!report.ok()) return report_problems(options.file, report, err);
                                out << "import: " << report.rows << " rows of " << options.kind << " for "
                                    << partnership.code << (into ? " (" + into->title + ")" : "") << ": "
                                    << report.created << " created, " << report.updated << " updated, "
                                    << report.unchanged << " unchanged\n";
                                return 0;
                            });
}

int export_plans_sheet(const config::Settings& settings, const SheetOptions& options, const std::string& plan,
                       std::ostream& out, std::ostream& err) {
    if (options.format != "csv" && options.format != "xlsx") return refuse(err, "--format must be csv or xlsx");
    return with_plans_sheet(settings, options, plan, "export failed", err,
                            [&](db::Connection& db, const register_::Partnership& partnership,
                                const std::optional<plans::Plan>& from) {
                                auto sheet = from ? plans::export_actions(db, *from)
                                                  : plans::export_recommendations(db, partnership.id);
                                return write_sheet(options, sheet.header, sheet.rows, out, err);
                            });
}

int remind(const config::Settings& settings, const std::string& on, std::ostream& out, std::ostream& err) {
    std::string day = on.empty() ? calendar::uk_today(system_now()) : on;
    if (!parse_date(day)) return refuse(err, "--on must be a date: YYYY-MM-DD");
    auto smtp = config::smtp_settings(settings);
    return with_database(settings, "remind failed", err, [&](db::Connection& db) {
        auto summary = plans::run_reminders(db, day, smtp, config::public_url(settings), command_actor());
        print_summary(summary, smtp.has_value(), out, err);
        return summary.failures.empty() ? 0 : 1;
    });
}

std::unique_ptr<DailyJob> start_reminders(const config::Settings& settings, db::Pool& pool, Clock clock) {
    if (!settings.reminders_enabled) return nullptr;
    auto smtp = config::smtp_settings(settings);
    auto url = config::public_url(settings);
    auto work = [&pool, smtp, url](const std::string& date, std::stop_token stop) {
        auto lease = pool.acquire();
        log_summary(plans::run_reminders(*lease, date, smtp, url, {std::nullopt, "job:reminders", "", ""}, stop));
    };
    return std::make_unique<DailyJob>(settings.reminders_minute_of_day, work, std::move(clock));
}

}  // namespace safeboard::app
