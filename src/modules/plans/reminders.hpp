#pragma once
// The daily reminders: every open action that is overdue, or falls due
// within 14 days, is listed to each person responsible for it, in the app
// (the reminders table) and, when mail is configured, in one e-mail per
// person. Which actions remind whom and the e-mail's words are pure; the run
// records, sends and audits. Running a day again adds nothing and sends
// nothing already sent.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "modules/plans/model.hpp"
#include "modules/plans/store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/database.hpp"
#include "platform/mail/mail.hpp"

namespace safeboard::plans {

inline constexpr int kReminderDays = 14;

// What an action reminds of on a day: "overdue" since its earliest due date
// passed (the rule of overdue_on), else "due" on its next due date when that
// is within kReminderDays; nullopt for a finished action or one due later.
struct ReminderDue {
    std::string kind;  // "due" or "overdue", as Reminder::kind
    std::string due_on;
};
std::optional<ReminderDue> reminder_due(const Action& action, std::string_view on);

// One reminder for each person `people_of` names for each action that
// reminds of something on `on`, in the actions' order (run_on, person_id,
// action_id, kind, due_on set).
using PeopleOf = std::function<std::vector<std::int64_t>(const Action&)>;
std::vector<Reminder> reminders_to_record(std::span<const Action> actions, std::string_view on,
                                          const PeopleOf& people_of);

// One action as a reminder e-mail lists it.
struct ReminderLine {
    std::string partnership;  // its name: "Southend Local Safeguarding Children Board"
    std::string home;         // "Business Plan 2011–2014" or "Recommendation 2 (CYP/12/10)"
    std::string number;       // "1.1"
    std::string title;
    std::string kind;  // "due" or "overdue"
    std::string due_on;
    std::string link;  // the action's page
};

// The e-mail to one person: the lines grouped by partnership, overdue ones
// first, then by due date. `to` is their name and address.
mail::Message reminder_email(std::string_view name, std::string_view email, std::vector<ReminderLine> lines,
                             std::string_view on);


struct EmailFailure {
    std::int64_t person_id = 0;
    std::string person_name;
    std::string message;
};

struct RunSummary {
    std::string on;
    std::size_t actions = 0;    // open actions overdue or due within kReminderDays
    std::size_t reminders = 0;  // the day's reminders, this run's and earlier runs'
    std::size_t recorded = 0;   // of which this run recorded
    std::size_t people = 0;     // people the day's reminders are for
    std::size_t emails_sent = 0;
    std::size_t without_address = 0;  // people with reminders still to send and no e-mail address
    bool stopped = false;             // asked to stop before every e-mail was tried
    std::vector<EmailFailure> failures;
};

// Records the day's reminders for every partnership in one write
// transaction, then, when `smtp` is set, sends each person with an address
// one e-mail of their reminders not yet e-mailed (links are public_url +
// "/actions/{id}") and marks them. A failed e-mail is reported and the rest
// still go; its reminders stay unsent for the next run. Stops between
// e-mails when `stop` is requested. Audits the run with counts and ids only.
RunSummary run_reminders(db::Connection& db, const std::string& on, const std::optional<mail::SmtpSettings>& smtp,
                         const std::string& public_url, const audit::Actor& actor, std::stop_token stop = {});

}  // namespace safeboard::plans
