#include "modules/plans/homes.hpp"
#include "modules/plans/reminders.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "modules/plans/progress.hpp"
#include "modules/register/store.hpp"
#include "platform/calendar/date.hpp"
#include "platform/core/time.hpp"

namespace safeboard::plans {

// ---- the pure part -----------------------------------------------------------------

std::optional<ReminderDue> reminder_due(const Action& action, std::string_view on) {
    if (finished(action.status)) return std::nullopt;
    auto dates = due_dates(action);
    if (dates.empty()) return std::nullopt;
    if (overdue_on(action, on)) return ReminderDue{"overdue", dates.front()};
    if (!due_within(action, on, kReminderDays)) return std::nullopt;
    return ReminderDue{"due", *next_due(action, on)};
}

std::vector<Reminder> reminders_to_record(std::span<const Action> actions, std::string_view on,
                                          const PeopleOf& people_of) {
    std::vector<Reminder> reminders;
    for (const auto& action : actions) {
        auto due = reminder_due(action, on);
        if (!due) continue;
        for (auto person : people_of(action)) {
            Reminder reminder;
            reminder.run_on = std::string(on);
            reminder.person_id = person;
            reminder.action_id = action.id;
            reminder.kind = due->kind;
            reminder.due_on = due->due_on;
            reminders.push_back(std::move(reminder));
        }
    }
    return reminders;
}

namespace {

std::string counted(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "2 actions are overdue and 1 falls due by 4 December 2011".
std::string situation(std::size_t overdue, std::size_t due, const std::string& until) {
    std::string overdue_words = counted(overdue, "action is overdue", "actions are overdue");
    if (due == 0) return overdue_words;
    std::string due_words = (overdue == 0 ? counted(due, "action falls", "actions fall")
                                          : std::to_string(due) + (due == 1 ? " falls" : " fall")) +
                            " due by " + until;
    return overdue == 0 ? due_words : overdue_words + " and " + due_words;
}

std::string subject_of(std::size_t overdue, std::size_t due, const std::string& until) {
    std::string subject = "Reminder: ";
    if (overdue > 0) subject += counted(overdue, "action", "actions") + " overdue";
    if (overdue > 0 && due > 0) subject += ", ";
    if (due > 0) subject += (overdue > 0 ? std::to_string(due) : counted(due, "action", "actions")) + " due by " + until;
    return subject;
}

std::string line_text(const ReminderLine& line) {
    std::string text = line.home;
    if (!line.number.empty()) text += ", action " + line.number;
    text += ": " + line.title + "\n";
    text += line.kind == "overdue" ? "Overdue: it was due by " + calendar::date_in_words(line.due_on) + ".\n"
                                   : "Due by " + calendar::date_in_words(line.due_on) + ".\n";
    return text + line.link + "\n";
}

// A display name the mail library reads back whatever it holds (a comma, a quote).
std::string mailbox(std::string_view name, std::string_view email) {
    std::string quoted = "\"";
    for (char c : name) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return quoted + "\" <" + std::string(email) + ">";
}

}  // namespace

mail::Message reminder_email(std::string_view name, std::string_view email, std::vector<ReminderLine> lines,
                             std::string_view on) {
    std::stable_sort(lines.begin(), lines.end(), [](const ReminderLine& a, const ReminderLine& b) {
        return std::tuple(a.partnership, a.kind != "overdue", a.due_on, a.home, a.number) <
               std::tuple(b.partnership, b.kind != "overdue", b.due_on, b.home, b.number);
    });
    auto overdue = static_cast<std::size_t>(
        std::count_if(lines.begin(), lines.end(), [](const ReminderLine& l) { return l.kind == "overdue"; }));
    auto due = lines.size() - overdue;
    auto until = calendar::date_in_words(add_days(on, kReminderDays));

    std::string text = "Dear " + std::string(name) + ",\n\n";
    text += "On " + calendar::date_in_words(on) + ", " + situation(overdue, due, until) + ". You are named as responsible for " +
            (lines.size() == 1 ? "it" : "them") + ", lead " + (lines.size() == 1 ? "it" : "them") +
            ", or chair a group that is responsible.\n";
    std::string partnership;
    for (const auto& line : lines) {
        if (line.partnership != partnership) {
            partnership = line.partnership;
            text += "\n" + partnership + "\n";
        }
        text += '\n';
        text += line_text(line);
    }
    text += "\nPlease record progress on each action in Safeboard, using its link, or tell the business unit if a "
            "date needs to change. You will be reminded each day while an action is overdue or falls due within " +
            std::to_string(kReminderDays) + " days.\n";
    return {{mailbox(name, email)}, subject_of(overdue, due, until), text};
}

// ---- the run --------------------------------------------------------------------------

namespace {

std::string without_trailing_slash(std::string url) {
    while (url.ends_with('/')) url.pop_back();
    return url;
}

void record_day(db::Connection& db, const std::string& on, const audit::Actor& actor, RunSummary& summary) {
    ActionQuery query;
    query.reach.everything = true;
    query.due_by = add_days(on, kReminderDays);  // open, and due by then: overdue or due soon
    db::Transaction transaction(db);
    auto actions = all_actions(db, query);
    summary.actions = static_cast<std::size_t>(
        std::count_if(actions.begin(), actions.end(), [&](const Action& a) { return reminder_due(a, on).has_value(); }));
    PeopleToRemind recipients(db, on);
    auto planned = reminders_to_record(actions, on, [&](const Action& a) { return recipients.of(a); });
    for (const auto& reminder : planned) {
        if (record_reminder(db, reminder)) ++summary.recorded;
    }
    auto day = reminders_on(db, on);
    std::set<std::int64_t> people;
    for (const auto& reminder : day) people.insert(reminder.person_id);
    summary.reminders = day.size();
    summary.people = people.size();
    audit::append(db, actor,
                  {"reminders.run", "reminders", on, {},
                   std::to_string(summary.actions) + " actions overdue or due within " + std::to_string(kReminderDays) +
                       " days; " + std::to_string(summary.reminders) + " reminders for " +
                       std::to_string(summary.people) + " people, " + std::to_string(summary.recorded) + " new"});
    transaction.commit();
}

// The day's reminders not yet e-mailed, one group per person.
std::vector<std::vector<Reminder>> unsent_by_person(db::Connection& db, const std::string& on) {
    std::vector<std::vector<Reminder>> groups;
    for (auto& reminder : reminders_on(db, on)) {
        if (reminder.emailed_at) continue;
        if (groups.empty() || groups.back().front().person_id != reminder.person_id) groups.emplace_back();
        groups.back().push_back(std::move(reminder));
    }
    return groups;
}

// Marks the reminders as e-mailed before sending; those another run marked first are left to it.
std::vector<Reminder> claim(db::Connection& db, const std::vector<Reminder>& reminders, const std::string& at) {
    std::vector<Reminder> claimed;
    db::Transaction transaction(db);
    for (const auto& reminder : reminders) {
        if (mark_emailed(db, reminder.id, at)) claimed.push_back(reminder);
    }
    transaction.commit();
    return claimed;
}

void release(db::Connection& db, const std::vector<Reminder>& reminders, const std::string& at) {
    db::Transaction transaction(db);
    for (const auto& reminder : reminders) clear_emailed(db, reminder.id, at);
    transaction.commit();
}

std::vector<ReminderLine> lines_of(db::Connection& db, const std::vector<Reminder>& reminders, Homes& homes,
                                   const std::string& public_url) {
    std::vector<ReminderLine> lines;
    for (const auto& reminder : reminders) {
        auto action = find_action(db, reminder.action_id);
        if (!action) continue;
        lines.push_back({homes.partnership(action->partnership_id), homes.of(*action).title, action->number, action->title,
                         reminder.kind, reminder.due_on, public_url + "/actions/" + std::to_string(action->id)});
    }
    return lines;
}

void send_day(db::Connection& db, const std::string& on, const mail::SmtpSettings& smtp,
              const std::string& public_url, std::stop_token stop, RunSummary& summary) {
    Homes homes(db);
    for (const auto& group : unsent_by_person(db, on)) {
        if (stop.stop_requested()) {
            summary.stopped = true;
            return;
        }
        const auto& person = group.front();
        if (person.person_email.empty()) {
            ++summary.without_address;
            continue;
        }
        auto at = iso_utc(system_now());
        auto claimed = claim(db, group, at);
        if (claimed.empty()) continue;
        auto message = reminder_email(person.person_name, person.person_email, lines_of(db, claimed, homes, public_url), on);
        if (auto sent = mail::send(smtp, message); sent) {
            ++summary.emails_sent;
        } else {
            release(db, claimed, at);
            summary.failures.push_back({person.person_id, person.person_name, sent.error().message});
        }
    }
}

// Ids and counts only: the log is kept for years and read by admins.
void audit_emails(db::Connection& db, const std::string& on, const audit::Actor& actor, const RunSummary& summary) {
    if (summary.emails_sent == 0 && summary.failures.empty()) return;
    std::string detail = std::to_string(summary.emails_sent) + " e-mails sent";
    if (!summary.failures.empty()) {
        // The first ids name the trouble; a whole day's list could outgrow the entry.
        constexpr std::size_t named = 50;
        detail += "; " + std::to_string(summary.failures.size()) + " failed (people";
        for (std::size_t i = 0; i < std::min(named, summary.failures.size()); ++i)
            detail.append(" ").append(std::to_string(summary.failures[i].person_id));
        if (summary.failures.size() > named) detail += " and " + std::to_string(summary.failures.size() - named) + " more";
        detail += ")";
    }
    audit::append_alone(db, actor, {"reminders.emailed", "reminders", on, {}, detail});
}

}  // namespace

RunSummary run_reminders(db::Connection& db, const std::string& on, const std::optional<mail::SmtpSettings>& smtp,
                         const std::string& public_url, const audit::Actor& actor, std::stop_token stop) {
    RunSummary summary;
    summary.on = on;
    record_day(db, on, actor, summary);
    if (!smtp) return summary;
    send_day(db, on, *smtp, without_trailing_slash(public_url), stop, summary);
    audit_emails(db, on, actor, summary);
    return summary;
}

}  // namespace safeboard::plans
