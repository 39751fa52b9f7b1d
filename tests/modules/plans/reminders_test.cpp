// The daily reminders: which actions remind whom and the e-mail's words
// (pure), then the run on both backends over the demo, sending to a
// loopback SMTP listener.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "app/application.hpp"
#include "modules/plans/import.hpp"
#include "modules/plans/module.hpp"
#include "modules/plans/progress.hpp"
#include "modules/plans/reminders.hpp"
#include "modules/plans/store.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "platform/mail/mail_text.hpp"
#include "support/smtp_listener.hpp"
#include "support/test_database.hpp"

namespace safeboard::plans {
namespace {

using mail::test::body_of;
using mail::test::decode_quoted_printable;
using mail::test::header_of;

Action action_due(std::string timescale, Status status = Status::not_started) {
    Action action;
    action.id = 7;
    action.number = "1.1";
    action.title = "Review attendance";
    action.status = status;
    action.timescale = *parse_timescale(timescale, 10);
    return action;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

mail::SmtpSettings smtp_on(std::uint16_t port) {
    mail::SmtpSettings settings;
    settings.host = "127.0.0.1";
    settings.port = port;
    settings.from = "Safeboard <noreply@example.org>";
    return settings;
}

// ---- which actions remind of what ---------------------------------------------------

TEST(ReminderRules, AnActionIsDueFromFourteenDaysBeforeItsDateAndOverdueAfter) {
    auto action = action_due("April 2012 October 2012");  // due 30 April and 31 October 2012
    EXPECT_EQ(reminder_due(action, "2012-04-15"), std::nullopt);
    auto first_day = reminder_due(action, "2012-04-16");
    ASSERT_TRUE(first_day);
    EXPECT_EQ(first_day->kind, "due");
    EXPECT_EQ(first_day->due_on, "2012-04-30");
    EXPECT_EQ(reminder_due(action, "2012-04-30")->kind, "due");
    auto after = reminder_due(action, "2012-05-01");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->kind, "overdue");
    EXPECT_EQ(after->due_on, "2012-04-30");
    // Still overdue for April when October comes near: the earlier date was missed.
    EXPECT_EQ(reminder_due(action, "2012-10-20")->kind, "overdue");
}

TEST(ReminderRules, FinishedUndatedOrDistantActionsRemindOfNothing) {
    EXPECT_EQ(reminder_due(action_due("April 2012", Status::complete), "2012-05-01"), std::nullopt);
    EXPECT_EQ(reminder_due(action_due("April 2012", Status::superseded), "2012-04-20"), std::nullopt);
    EXPECT_EQ(reminder_due(action_due("Ongoing"), "2012-04-20"), std::nullopt);
    EXPECT_EQ(reminder_due(action_due("Quarterly"), "2012-04-20"), std::nullopt);
    EXPECT_EQ(reminder_due(action_due("from July 2012"), "2012-07-20"), std::nullopt);
    EXPECT_EQ(reminder_due(action_due("December 2012"), "2012-04-20"), std::nullopt);
    auto targeted = action_due("");
    targeted.target_date = "2012-04-25";
    EXPECT_EQ(reminder_due(targeted, "2012-04-20")->due_on, "2012-04-25");
}

TEST(ReminderRules, EachPersonOfADueActionGetsOneReminder) {
    std::vector<Action> actions{action_due("April 2012"), action_due("December 2012"), action_due("March 2012")};
    actions[0].id = 1;
    actions[1].id = 2;
    actions[2].id = 3;
    auto people_of = [](const Action& a) {
        return a.id == 1 ? std::vector<std::int64_t>{10, 11} : std::vector<std::int64_t>{12};
    };
    auto reminders = reminders_to_record(actions, "2012-04-20", people_of);
    ASSERT_EQ(reminders.size(), 3u);
    EXPECT_EQ(reminders[0].person_id, 10);
    EXPECT_EQ(reminders[0].action_id, 1);
    EXPECT_EQ(reminders[0].kind, "due");
    EXPECT_EQ(reminders[0].run_on, "2012-04-20");
    EXPECT_EQ(reminders[1].person_id, 11);
    EXPECT_EQ(reminders[2].person_id, 12);
    EXPECT_EQ(reminders[2].action_id, 3);
    EXPECT_EQ(reminders[2].kind, "overdue");
    EXPECT_EQ(reminders[2].due_on, "2012-03-31");
}

// ---- the e-mail -----------------------------------------------------------------------

TEST(ReminderEmail, ListsEachActionWithItsDateAndLinkOverdueFirst) {
    std::vector<ReminderLine> lines{
        {"Southend Local Safeguarding Children Board", "Business Plan 2011–2014", "1.1",
         "Ensure effective engagement of partner agencies.", "due", "2012-04-30", "https://sb.example.org/actions/12"},
        {"Essex Safeguarding Children Board", "Recommendation 2 (CYP/12/10)", "1", "Report vacancy levels",
         "overdue", "2012-03-31", "https://sb.example.org/actions/40"},
        {"Southend Local Safeguarding Children Board", "Business Plan 2011–2014", "3.2", "Audit the audits",
         "overdue", "2012-04-01", "https://sb.example.org/actions/15"}};
    auto message = reminder_email("Asha Patel", "asha@example.org", lines, "2012-04-20");
    ASSERT_EQ(message.to.size(), 1u);
    EXPECT_EQ(message.to[0], "\"Asha Patel\" <asha@example.org>");
    EXPECT_EQ(message.subject, "Reminder: 2 actions overdue, 1 due by 4 May 2012");
    const auto& text = message.text;
    EXPECT_TRUE(text.starts_with("Dear Asha Patel,\n")) << text;
    EXPECT_TRUE(contains(text, "On 20 April 2012, 2 actions are overdue and 1 falls due by 4 May 2012.")) << text;
    EXPECT_TRUE(contains(text, "Business Plan 2011–2014, action 1.1: Ensure effective engagement of partner agencies.\n"
                               "Due by 30 April 2012.\nhttps://sb.example.org/actions/12\n"))
        << text;
    EXPECT_TRUE(contains(text, "Recommendation 2 (CYP/12/10), action 1: Report vacancy levels\n"
                               "Overdue: it was due by 31 March 2012.\n"))
        << text;
    // Partnerships by name; within one, overdue before due.
    auto essex = text.find("Essex Safeguarding Children Board");
    auto southend = text.find("Southend Local Safeguarding Children Board");
    EXPECT_LT(essex, southend);
    EXPECT_LT(text.find("action 3.2"), text.find("action 1.1"));
    EXPECT_TRUE(mail::check(smtp_on(25), message)) << "a message mail accepts";
}

TEST(ReminderEmail, NamesOneActionInTheSingularAndQuotesAnAwkwardName) {
    std::vector<ReminderLine> lines{{"Southend LSCB", "Plan", "1.1", "One thing", "due", "2012-04-30", "link"}};
    auto message = reminder_email("Patel, \"Asha\"", "asha@example.org", lines, "2012-04-20");
    EXPECT_EQ(message.subject, "Reminder: 1 action due by 4 May 2012");
    EXPECT_TRUE(contains(message.text, "On 20 April 2012, 1 action falls due by 4 May 2012. You are named as "
                                       "responsible for it, lead it,"))
        << message.text;
    EXPECT_TRUE(mail::check(smtp_on(25), message));
}

// ---- the run, on both backends ----------------------------------------------------------

class ReminderRun : public testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (IsSkipped()) return;
        db_ = connect();
        db::migrate(*db_, app::all_migrations());
        register_::load_demo(*db_, actor_);
        load_demo(*db_, actor_);
        southend_ = register_::find_partnership_by_code(*db_, "southend")->id;
        plan_ = *find_plan_titled(*db_, southend_, "Business Plan 2011–2014");
        db::Transaction tx(*db_);
        asha_ = register_::create_person(*db_, {0, "Asha Patel", "Analyst", {}, {}, "asha@example.org", {}}, actor_);
        tom_ = register_::create_person(*db_, {0, "Tom Reid", "Manager", {}, {}, "tom@example.org", {}}, actor_);
        tx.commit();
        // Asha's action falls due on 30 April 2012; Tom's was due on 31 March 2012.
        import("9.90,Audit the reminders,30 April 2012,Asha Patel,not_started\n"
               "9.91,Report on the audit,31 March 2012,Tom Reid,on_track\n");
    }
    void import(const std::string& rows) {
        auto report = import_actions(*db_, plan_, "number,action,timescale,responsibility,status\n" + rows, {true, {}},
                                     actor_);
        ASSERT_TRUE(report.ok()) << report.problems.front().column << ": " << report.problems.front().message;
    }
    std::int64_t action_id(const std::string& number) { return find_action_numbered(*db_, plan_.id, {}, number)->id; }
    std::vector<Reminder> of(const std::vector<Reminder>& reminders, std::int64_t person) {
        std::vector<Reminder> found;
        std::copy_if(reminders.begin(), reminders.end(), std::back_inserter(found),
                     [&](const Reminder& r) { return r.person_id == person; });
        return found;
    }
    mail::SmtpSettings smtp(const testing::SmtpListener& listener) {
        return smtp_on(listener.port());
    }
    RunSummary run(const std::string& on, const std::optional<mail::SmtpSettings>& settings = std::nullopt) {
        return run_reminders(*db_, on, settings, "https://safeboard.example.org/", actor_);
    }
    std::vector<std::string> audit_details(const std::string& action) {
        std::vector<std::string> details;
        for (const auto& row :
             db_->query("SELECT detail, entity_id FROM audit_log WHERE action = $1 ORDER BY seq", {action}).rows) {
            details.push_back(row.text(1) + ": " + row.text(0));
        }
        return details;
    }

    std::unique_ptr<db::Connection> db_;
    audit::Actor actor_{std::nullopt, "test", "", ""};
    std::int64_t southend_ = 0;
    Plan plan_;
    std::int64_t asha_ = 0;
    std::int64_t tom_ = 0;
};

TEST_P(ReminderRun, RecordsOneReminderPerPersonAndActionAndAgainNothingNew) {
    auto first = run("2012-04-20");
    EXPECT_GT(first.actions, 2u);
    EXPECT_EQ(first.recorded, first.reminders);
    auto day = reminders_on(*db_, "2012-04-20");
    EXPECT_EQ(day.size(), first.reminders);
    auto asha = of(day, asha_);
    ASSERT_EQ(asha.size(), 1u);
    EXPECT_EQ(asha[0].action_id, action_id("9.90"));
    EXPECT_EQ(asha[0].kind, "due");
    EXPECT_EQ(asha[0].due_on, "2012-04-30");
    EXPECT_EQ(asha[0].person_email, "asha@example.org");
    EXPECT_FALSE(asha[0].emailed_at);
    auto tom = of(day, tom_);
    ASSERT_EQ(tom.size(), 1u);
    EXPECT_EQ(tom[0].kind, "overdue");
    EXPECT_EQ(tom[0].due_on, "2012-03-31");
    // The demo's people named on the plan are reminded too, each action once.
    std::set<std::pair<std::int64_t, std::int64_t>> pairs;
    for (const auto& r : day) pairs.emplace(r.person_id, r.action_id);
    EXPECT_EQ(pairs.size(), day.size());
    EXPECT_GT(first.people, 2u);

    auto again = run("2012-04-20");
    EXPECT_EQ(again.recorded, 0u);
    EXPECT_EQ(again.reminders, first.reminders);
    EXPECT_EQ(reminders_on(*db_, "2012-04-20").size(), day.size());
}

TEST_P(ReminderRun, TheRunIsAuditedWithCountsAndNoNames) {
    run("2012-04-20");
    auto details = audit_details("reminders.run");
    ASSERT_EQ(details.size(), 1u);
    EXPECT_TRUE(details[0].starts_with("2012-04-20: ")) << details[0];
    EXPECT_TRUE(contains(details[0], " new")) << details[0];
    EXPECT_FALSE(contains(details[0], "Asha")) << details[0];
}

TEST_P(ReminderRun, ChairsOfAResponsibleBodyAreRemindedButNotOrdinaryOrPastMembers) {
    auto group = register_::find_bodies_named(*db_, "LSCB E Safety Sub Group").at(0).id;
    db::Transaction tx(*db_);
    auto past = register_::create_person(*db_, {0, "Former Chair", "", {}, {}, "", {}}, actor_);
    auto member = register_::create_person(*db_, {0, "Plain Member", "", {}, {}, "", {}}, actor_);
    register_::Membership seat;
    seat.body_id = group;
    seat.seat_title = "Vice-chair";
    seat.role = register_::SeatRole::vice_chair;
    seat.person_id = asha_;
    register_::create_membership(*db_, seat, actor_);
    seat.seat_title = "Chair";
    seat.role = register_::SeatRole::chair;
    seat.person_id = past;
    seat.ends_on = "2011-12-31";
    register_::create_membership(*db_, seat, actor_);
    seat.seat_title = "Member";
    seat.role = register_::SeatRole::member;
    seat.person_id = member;
    seat.ends_on.reset();
    register_::create_membership(*db_, seat, actor_);
    tx.commit();
    import("9.92,Teach e-safety,30 April 2012,LSCB E Safety Sub Group;Tom Reid,not_started\n");

    auto people = people_to_remind(*db_, *find_action(*db_, action_id("9.92")), "2012-04-20");
    EXPECT_NE(std::find(people.begin(), people.end(), asha_), people.end());
    EXPECT_NE(std::find(people.begin(), people.end(), tom_), people.end());
    EXPECT_EQ(std::find(people.begin(), people.end(), past), people.end());
    EXPECT_EQ(std::find(people.begin(), people.end(), member), people.end());
    EXPECT_TRUE(std::is_sorted(people.begin(), people.end()));
    EXPECT_EQ(std::adjacent_find(people.begin(), people.end()), people.end());
}

TEST_P(ReminderRun, AUsersListIsTheLatestRunsAndEmptyOnceTheirActionIsFinished) {
    run("2012-04-20");
    ASSERT_EQ(latest_reminders_for(*db_, {asha_, tom_}).size(), 2u);
    import("9.90,Audit the reminders,30 April 2012,Asha Patel,complete\n");
    run("2012-04-21");
    auto latest = latest_reminders_for(*db_, {asha_, tom_});
    ASSERT_EQ(latest.size(), 1u);
    EXPECT_EQ(latest[0].person_id, tom_);
    EXPECT_EQ(latest[0].run_on, "2012-04-21");
    EXPECT_TRUE(latest_reminders_for(*db_, {asha_}).empty());
    EXPECT_EQ(of(reminders_on(*db_, "2012-04-20"), asha_).size(), 1u);  // the earlier run keeps its record
}

TEST_P(ReminderRun, EachPersonWithAnAddressGetsOneEmailNamingTheirActionsAndOnlyOnce) {
    // A second action of Tom's, due soon, goes in the same e-mail.
    import("9.93,Publish the findings,2 May 2012,Tom Reid,not_started\n");
    testing::SmtpListener listener;
    auto summary = run("2012-04-20", smtp(listener));
    EXPECT_EQ(summary.emails_sent, 2u);
    EXPECT_TRUE(summary.failures.empty());
    EXPECT_GT(summary.without_address, 0u);  // the demo's people have no addresses
    auto messages = listener.messages();
    ASSERT_EQ(messages.size(), 2u);
    std::map<std::string, std::string> text_to;
    for (const auto& m : messages) {
        ASSERT_EQ(m.to.size(), 1u);
        text_to[m.to[0]] = decode_quoted_printable(body_of(m.data));
        EXPECT_EQ(m.from, "noreply@example.org");
    }
    ASSERT_TRUE(text_to.contains("asha@example.org"));
    ASSERT_TRUE(text_to.contains("tom@example.org"));
    const auto& asha = text_to["asha@example.org"];
    EXPECT_TRUE(contains(asha, "Dear Asha Patel,")) << asha;
    EXPECT_TRUE(contains(asha, "Southend Local Safeguarding Children Board")) << asha;
    EXPECT_TRUE(contains(asha, "Business Plan 2011–2014, action 9.90: Audit the reminders\r\nDue by 30 April 2012."))
        << asha;
    EXPECT_TRUE(contains(asha, "https://safeboard.example.org/actions/" + std::to_string(action_id("9.90")))) << asha;
    EXPECT_FALSE(contains(asha, "Report on the audit"));
    const auto& tom = text_to["tom@example.org"];
    EXPECT_TRUE(contains(tom, "action 9.91: Report on the audit\r\nOverdue: it was due by 31 March 2012.")) << tom;
    EXPECT_TRUE(contains(tom, "action 9.93: Publish the findings\r\nDue by 2 May 2012.")) << tom;
    for (const auto& m : messages) {
        auto subject = header_of(m.data, "Subject");
        ASSERT_TRUE(subject);
        EXPECT_TRUE(subject->starts_with("Reminder: ")) << *subject;
    }
    for (const auto& r : of(reminders_on(*db_, "2012-04-20"), tom_)) EXPECT_TRUE(r.emailed_at);

    auto again = run("2012-04-20", smtp(listener));
    EXPECT_EQ(again.emails_sent, 0u);
    EXPECT_EQ(listener.messages().size(), 2u);
    auto emailed = audit_details("reminders.emailed");
    ASSERT_EQ(emailed.size(), 1u);
    EXPECT_EQ(emailed[0], "2012-04-20: 2 e-mails sent");
}

TEST_P(ReminderRun, AFailedEmailIsReportedTheRestStillGoAndALaterRunSendsIt) {
    {
        testing::SmtpListener refusing({.reject_recipients = {"tom@example.org"}});
        auto summary = run("2012-04-20", smtp(refusing));
        EXPECT_EQ(summary.emails_sent, 1u);
        ASSERT_EQ(summary.failures.size(), 1u);
        EXPECT_EQ(summary.failures[0].person_id, tom_);
        EXPECT_EQ(summary.failures[0].person_name, "Tom Reid");
        EXPECT_TRUE(contains(summary.failures[0].message, "550")) << summary.failures[0].message;
        ASSERT_EQ(refusing.messages().size(), 1u);
        EXPECT_EQ(refusing.messages()[0].to, std::vector<std::string>{"asha@example.org"});
        for (const auto& r : of(reminders_on(*db_, "2012-04-20"), tom_)) EXPECT_FALSE(r.emailed_at);
        auto emailed = audit_details("reminders.emailed");
        ASSERT_EQ(emailed.size(), 1u);
        EXPECT_EQ(emailed[0], "2012-04-20: 1 e-mails sent; 1 failed (people " + std::to_string(tom_) + ")");
    }
    testing::SmtpListener accepting;
    auto retry = run("2012-04-20", smtp(accepting));
    EXPECT_EQ(retry.emails_sent, 1u);
    EXPECT_TRUE(retry.failures.empty());
    ASSERT_EQ(accepting.messages().size(), 1u);
    EXPECT_EQ(accepting.messages()[0].to, std::vector<std::string>{"tom@example.org"});
}

TEST_P(ReminderRun, WithoutMailOnlyTheAppIsTold) {
    auto summary = run("2012-04-20");
    EXPECT_EQ(summary.emails_sent, 0u);
    EXPECT_EQ(summary.without_address, 0u);
    for (const auto& r : reminders_on(*db_, "2012-04-20")) EXPECT_FALSE(r.emailed_at);
    EXPECT_TRUE(audit_details("reminders.emailed").empty());
}

TEST_P(ReminderRun, AReminderMarkedByAnotherRunIsNotMarkedAgain) {
    run("2012-04-20");
    auto asha = of(reminders_on(*db_, "2012-04-20"), asha_).at(0);
    db::Transaction tx(*db_);
    EXPECT_TRUE(mark_emailed(*db_, asha.id, "2012-04-20T07:00:00Z"));
    EXPECT_FALSE(mark_emailed(*db_, asha.id, "2012-04-20T07:00:01Z"));
    clear_emailed(*db_, asha.id, "2012-04-20T07:00:01Z");  // not this run's mark: kept
    tx.commit();
    EXPECT_EQ(of(reminders_on(*db_, "2012-04-20"), asha_).at(0).emailed_at, "2012-04-20T07:00:00Z");
}

SAFEBOARD_TEST_ON_BACKENDS(ReminderRun);

}  // namespace
}  // namespace safeboard::plans
