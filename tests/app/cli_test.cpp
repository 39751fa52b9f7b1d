// The safeboard binary as a user runs it: exit codes, one-line errors, and
// nothing half-created.
#include <array>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <algorithm>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "support/smtp_listener.hpp"

namespace {

namespace fs = std::filesystem;

struct Outcome {
    int exit_code = -1;
    std::string output;  // stdout and stderr together
};

Outcome run(const std::string& arguments) {
    std::string command = std::string(SAFEBOARD_BINARY) + " " + arguments + " 2>&1 </dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    Outcome outcome;
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) outcome.output.append(buffer.data(), n);
    int status = pclose(pipe);
    outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return outcome;
}

std::size_t lines(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

class Cli : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("safeboard-cli-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    std::string db() const { return "sqlite:" + (dir_ / "safeboard.db").string(); }
    // A file in the test's directory, and its path.
    std::string file(const std::string& name, const std::string& text) const {
        std::ofstream(dir_ / name, std::ios::binary) << text;
        return (dir_ / name).string();
    }
    std::string read(const std::string& name) const {
        std::ifstream stream(dir_ / name, std::ios::binary);
        return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
    }
    // A database with the demo partnerships, their plans and recommendations.
    void load_demo() {
        ASSERT_EQ(run("migrate --db " + db()).exit_code, 0);
        auto demo = run("demo --db " + db());
        ASSERT_EQ(demo.exit_code, 0) << demo.output;
    }
    fs::path dir_;
};

bool has(const Outcome& outcome, const std::string& text) { return outcome.output.find(text) != std::string::npos; }

// The Southend plan the demo loads, as --plan names it.
const std::string kPlan = "--partnership southend --plan 'Business Plan 2011–2014'";

TEST_F(Cli, EverySubcommandHasHelp) {
    for (const char* command : {"serve", "migrate", "check", "version", "remind"}) {
        auto outcome = run(std::string(command) + " --help");
        EXPECT_EQ(outcome.exit_code, 0) << command;
        EXPECT_NE(outcome.output.find("Usage"), std::string::npos) << outcome.output;
    }
    auto serve = run("serve --help");
    for (const char* flag : {"--listen", "--db", "--threads", "--config"}) {
        EXPECT_NE(serve.output.find(flag), std::string::npos) << flag;
    }
}

TEST_F(Cli, VersionPrintsTheVersion) {
    auto outcome = run("version");
    EXPECT_EQ(outcome.exit_code, 0);
    EXPECT_EQ(outcome.output.rfind("safeboard ", 0), 0u);
}

TEST_F(Cli, UnknownFlagIsOneLineAndExitTwo) {
    auto outcome = run("serve --colour blue");
    EXPECT_EQ(outcome.exit_code, 2);
    EXPECT_EQ(lines(outcome.output), 1u) << outcome.output;
    EXPECT_NE(outcome.output.find("--colour"), std::string::npos);
}

TEST_F(Cli, MigrateAppliesOnceThenNothing) {
    auto first = run("migrate --db " + db());
    EXPECT_EQ(first.exit_code, 0) << first.output;
    EXPECT_NE(first.output.find("applied register/0001_create_partnerships"), std::string::npos) << first.output;
    auto second = run("migrate --db " + db());
    EXPECT_EQ(second.exit_code, 0);
    EXPECT_EQ(second.output, "nothing to apply: the database is up to date\n");
    auto check = run("check --db " + db());
    EXPECT_EQ(check.exit_code, 0) << check.output;
    EXPECT_NE(check.output.find("ok:"), std::string::npos);
}

TEST_F(Cli, DatabaseUrlComesFromTheEnvironment) {
    std::string command = "env SAFEBOARD_DB=" + db() + " " + SAFEBOARD_BINARY + " migrate >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0);
    EXPECT_TRUE(fs::exists(dir_ / "safeboard.db"));
}

TEST_F(Cli, MissingDirectoryIsNamedAndNothingIsCreated) {
    auto target = dir_ / "no-such-dir" / "x.db";
    auto outcome = run("migrate --db sqlite:" + target.string());
    EXPECT_EQ(outcome.exit_code, 1);
    EXPECT_EQ(lines(outcome.output), 1u) << outcome.output;
    EXPECT_NE(outcome.output.find("no-such-dir"), std::string::npos) << outcome.output;
    EXPECT_FALSE(fs::exists(dir_ / "no-such-dir"));
}

TEST_F(Cli, ServeAndCheckRefuseADatabaseThatDoesNotExist) {
    for (const char* command : {"serve --listen 127.0.0.1:0", "check"}) {
        auto outcome = run(std::string(command) + " --db " + db());
        EXPECT_EQ(outcome.exit_code, 1) << command;
        EXPECT_NE(outcome.output.find("does not exist; run safeboard migrate first"), std::string::npos);
        EXPECT_FALSE(fs::exists(dir_ / "safeboard.db"));
    }
}

TEST_F(Cli, KeyCreateWritesAnOwnerOnlyKeyAndNeverOverwritesOne) {
    auto key = dir_ / "reviews.key";  // beside the database, by default
    auto made = run("key create --db " + db());
    ASSERT_EQ(made.exit_code, 0) << made.output;
    ASSERT_TRUE(fs::exists(key));
    EXPECT_EQ(fs::status(key).permissions() & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
    std::ifstream in(key);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(content.size(), 65u);  // 64 hex characters and a line end
    auto again = run("key create --db " + db());
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_NE(again.output.find("never overwritten"), std::string::npos) << again.output;
    EXPECT_EQ(run("key create --if-missing --db " + db()).exit_code, 0);
    std::ifstream kept(key);
    std::string after((std::istreambuf_iterator<char>(kept)), std::istreambuf_iterator<char>());
    EXPECT_EQ(after, content);
}

TEST_F(Cli, ServeAndDemoRefuseADatabaseBehindTheMigrations) {
    std::ofstream(dir_ / "safeboard.db").close();  // an empty SQLite file: every migration pending
    for (const char* command : {"serve --listen 127.0.0.1:0", "demo"}) {
        auto outcome = run(std::string(command) + " --db " + db());
        EXPECT_EQ(outcome.exit_code, 1) << command;
        EXPECT_EQ(lines(outcome.output), 1u) << outcome.output;
        EXPECT_NE(outcome.output.find("12 migration(s) pending, first audit/0001_create_audit_log; "
                                      "run safeboard migrate first"),
                  std::string::npos)
            << outcome.output;
    }
    EXPECT_EQ(run("migrate --db " + db()).exit_code, 0);
    auto demo = run("demo --db " + db());
    EXPECT_EQ(demo.exit_code, 0) << demo.output;
    EXPECT_EQ(demo.output.rfind("demo: 4 partnerships, ", 0), 0u) << demo.output;
}

TEST_F(Cli, BadInputGivesOneLineNamingIt) {
    struct Case {
        std::string arguments;
        std::string expected;
    };
    for (const auto& c : {Case{"migrate --db mysql://localhost/x", "mysql://localhost/x"},
                          Case{"serve --listen nowhere --db " + db(), "nowhere"},
                          Case{"migrate --config /nonexistent/s.toml", "cannot read config file /nonexistent/s.toml"},
                          Case{"migrate --db postgresql://nobody:secret@127.0.0.1:1/none", "127.0.0.1"}}) {
        auto outcome = run(c.arguments);
        EXPECT_NE(outcome.exit_code, 0) << c.arguments;
        EXPECT_EQ(lines(outcome.output), 1u) << c.arguments << ": " << outcome.output;
        EXPECT_NE(outcome.output.find(c.expected), std::string::npos) << outcome.output;
        EXPECT_EQ(outcome.output.find("secret"), std::string::npos) << "password leaked: " << outcome.output;
    }
}

TEST_F(Cli, PortInUseIsNamed) {
    ASSERT_EQ(run("migrate --db " + db()).exit_code, 0);
    int blocker = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(blocker, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(blocker, 1), 0);
    socklen_t length = sizeof address;
    ::getsockname(blocker, reinterpret_cast<sockaddr*>(&address), &length);
    std::string listen = "127.0.0.1:" + std::to_string(ntohs(address.sin_port));
    auto outcome = run("serve --listen " + listen + " --db " + db());
    ::close(blocker);
    EXPECT_EQ(outcome.exit_code, 1);
    EXPECT_NE(outcome.output.find("cannot listen on " + listen), std::string::npos) << outcome.output;
}

TEST_F(Cli, ServeStopsCleanlyOnSigterm) {
    ASSERT_EQ(run("migrate --db " + db()).exit_code, 0);
    int log_pipe[2];
    ASSERT_EQ(::pipe(log_pipe), 0);
    std::string database = db();
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::dup2(log_pipe[1], 2);
        ::close(log_pipe[0]);
        execl(SAFEBOARD_BINARY, SAFEBOARD_BINARY, "serve", "--listen", "127.0.0.1:0", "--db", database.c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    ::close(log_pipe[1]);
    // The "serving" log line comes once signals are handled and the port is open.
    std::string log;
    char buffer[512];
    ssize_t n;
    while (log.find("\"serving\"") == std::string::npos && (n = ::read(log_pipe[0], buffer, sizeof buffer)) > 0) {
        log.append(buffer, static_cast<std::size_t>(n));
    }
    ASSERT_NE(log.find("\"serving\""), std::string::npos) << log;
    ::kill(child, SIGTERM);
    int status = 0;
    ::waitpid(child, &status, 0);
    while ((n = ::read(log_pipe[0], buffer, sizeof buffer)) > 0) log.append(buffer, static_cast<std::size_t>(n));
    ::close(log_pipe[0]);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    EXPECT_NE(log.find("\"stopped\""), std::string::npos) << log;
}

TEST_F(Cli, ImportsActionsIntoAPlan) {
    load_demo();
    auto csv = file("actions.csv", "number,action,timescale,responsibility,status\n"
                                   "9.90,Audit the reminders,30 April 2012,LSCB Business Manager,not_started\n");
    auto imported = run("import actions " + csv + " " + kPlan + " --db " + db());
    EXPECT_EQ(imported.exit_code, 0) << imported.output;
    EXPECT_EQ(imported.output,
              "import: 1 rows of actions for southend (Business Plan 2011–2014): 1 created, 0 updated, 0 unchanged\n");
    auto exported = run("export actions " + kPlan + " --out " + (dir_ / "out.csv").string() + " --db " + db());
    EXPECT_EQ(exported.exit_code, 0) << exported.output;
    EXPECT_NE(read("out.csv").find("Audit the reminders"), std::string::npos);
}

TEST_F(Cli, ABadActionsFileNamesEachLineAndColumnAndChangesNothing) {
    load_demo();
    auto csv = file("bad.csv", "number,action,timescale,priorities\n"
                               "9.90,A good row,June 2012,A\n"
                               "9.91,A bad row,within a while,Z\n");
    auto imported = run("import actions " + csv + " " + kPlan + " --db " + db());
    EXPECT_EQ(imported.exit_code, 1) << imported.output;
    EXPECT_TRUE(has(imported, csv + " has 2 problem(s); nothing was imported")) << imported.output;
    EXPECT_TRUE(has(imported, csv + ":3: timescale: ")) << imported.output;
    EXPECT_TRUE(has(imported, csv + ":3: priorities: ")) << imported.output;
    auto exported = run("export actions " + kPlan + " --db " + db());
    EXPECT_EQ(exported.exit_code, 0);
    EXPECT_FALSE(has(exported, "A good row")) << "the good row was written";
}

TEST_F(Cli, ImportsAgenciesReturnsAllOrNothing) {
    load_demo();
    auto good = file("returns.csv", "organisation,indicator,period_start,period_end,value,numerator,denominator,note,"
                                    "submitted_on\n"
                                    "Southend Borough Council,DBS01,2012-10-01,2012-12-31,97.5,1950,2000,,2013-01-10\n");
    auto imported = run("import returns " + good + " --partnership southend --db " + db());
    EXPECT_EQ(imported.exit_code, 0) << imported.output;
    EXPECT_EQ(imported.output, "import: 1 rows of returns for southend: 1 created, 0 updated, 0 unchanged\n");
    auto again = run("import returns " + good + " --partnership southend --db " + db());
    EXPECT_EQ(again.output, "import: 1 rows of returns for southend: 0 created, 0 updated, 1 unchanged\n");
    auto bad = file("bad-returns.csv", "organisation,indicator,period_start,period_end,value,numerator,denominator\n"
                                       "Southend Borough Council,DBS01,2013-01-01,2013-03-31,97,970,1000\n"
                                       "Southend Borough Council,XYZ99,2013-01-01,2013-03-31,5,,\n");
    auto refused = run("import returns " + bad + " --partnership southend --db " + db());
    EXPECT_EQ(refused.exit_code, 1) << refused.output;
    EXPECT_TRUE(has(refused, "nothing was imported")) << refused.output;
    EXPECT_TRUE(has(refused, bad + ":3: indicator: ")) << refused.output;
    // The good first row was not kept either: importing it alone creates it.
    auto first = file("first.csv", "organisation,indicator,period_start,period_end,value,numerator,denominator\n"
                                   "Southend Borough Council,DBS01,2013-01-01,2013-03-31,97,970,1000\n");
    EXPECT_TRUE(has(run("import returns " + first + " --partnership southend --db " + db()), "1 created"));
}

TEST_F(Cli, ImportsRecommendationsAndAgainChangesNothing) {
    load_demo();
    auto csv = file("recommendations.csv",
                    "source,source_reference,number,recommendation,action,target_date,status\n"
                    "audit,AUD/12/1,1,Audit supervision records,Sample 20 files a quarter,2012-06-30,on_track\n"
                    "audit,AUD/12/1,2,Report the findings to the board,Table the audit report,2012-09-30,not_started\n");
    auto first = run("import recommendations " + csv + " --partnership essex --db " + db());
    EXPECT_EQ(first.exit_code, 0) << first.output;
    EXPECT_TRUE(has(first, "import: 2 rows of recommendations for essex: ")) << first.output;
    EXPECT_FALSE(has(first, " 0 created")) << first.output;
    auto again = run("import recommendations " + csv + " --partnership essex --db " + db());
    EXPECT_EQ(again.output, "import: 2 rows of recommendations for essex: 0 created, 0 updated, 2 unchanged\n");
}

TEST_F(Cli, AnExportImportedAgainChangesNothing) {
    load_demo();
    auto actions = run("export actions " + kPlan + " --out " + (dir_ / "actions.csv").string() + " --db " + db());
    ASSERT_EQ(actions.exit_code, 0) << actions.output;
    auto rows = lines(read("actions.csv"));
    ASSERT_GT(rows, 10u);
    auto back = run("import actions " + (dir_ / "actions.csv").string() + " " + kPlan + " --db " + db());
    EXPECT_EQ(back.exit_code, 0) << back.output;
    EXPECT_TRUE(has(back, ": 0 created, 0 updated, ")) << back.output;

    auto recommendations = run("export recommendations --partnership essex --out " +
                               (dir_ / "recommendations.csv").string() + " --db " + db());
    ASSERT_EQ(recommendations.exit_code, 0) << recommendations.output;
    auto again = run("import recommendations " + (dir_ / "recommendations.csv").string() + " --partnership essex --db " + db());
    EXPECT_EQ(again.exit_code, 0) << again.output;
    EXPECT_TRUE(has(again, ": 0 created, 0 updated, ")) << again.output;
}

TEST_F(Cli, ExportsActionsAsXlsx) {
    load_demo();
    auto exported = run("export actions " + kPlan + " --format xlsx --out " + (dir_ / "actions.xlsx").string() +
                        " --db " + db());
    EXPECT_EQ(exported.exit_code, 0) << exported.output;
    EXPECT_EQ(read("actions.xlsx").substr(0, 2), "PK");
    auto bad = run("export recommendations --partnership essex --format pdf --db " + db());
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_TRUE(has(bad, "--format must be csv or xlsx")) << bad.output;
}

TEST_F(Cli, PlanMustNameAPlanOfThePartnershipAndOnlyForActions) {
    load_demo();
    auto csv = file("actions.csv", "number,action\n9.90,Something\n");
    struct Case {
        std::string arguments;
        std::string expected;
    };
    for (const auto& c :
         {Case{"import actions " + csv + " --partnership southend", "actions need --plan"},
          Case{"export actions --partnership southend", "actions need --plan"},
          Case{"import organisations " + csv + " " + kPlan, "--plan is only for actions, not organisations"},
          Case{"export recommendations " + kPlan, "--plan is only for actions, not recommendations"},
          Case{"import actions " + csv + " --partnership southend --plan 9999", "there is no plan \"9999\" in southend"},
          Case{"import actions " + csv + " --partnership essex --plan 'Business Plan 2011–2014'",
               "there is no plan \"Business Plan 2011–2014\" in essex"}}) {
        auto outcome = run(c.arguments + " --db " + db());
        EXPECT_EQ(outcome.exit_code, 2) << c.arguments << ": " << outcome.output;
        EXPECT_EQ(lines(outcome.output), 1u) << outcome.output;
        EXPECT_TRUE(has(outcome, c.expected)) << c.arguments << ": " << outcome.output;
    }
}

TEST_F(Cli, RemindRecordsADaysRemindersOnce) {
    load_demo();
    auto first = run("remind --on 2012-04-20 --db " + db());
    EXPECT_EQ(first.exit_code, 0) << first.output;
    EXPECT_TRUE(first.output.starts_with("remind: ")) << first.output;
    EXPECT_TRUE(has(first, " on 2012-04-20 (")) << first.output;
    EXPECT_TRUE(has(first, "mail is not configured, so no e-mails were sent")) << first.output;
    EXPECT_FALSE(has(first, "(0 new")) << first.output;
    auto again = run("remind --on 2012-04-20 --db " + db());
    EXPECT_TRUE(has(again, "(0 new")) << again.output;
    auto bad = run("remind --on 20/04/2012 --db " + db());
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_TRUE(has(bad, "--on must be a date: YYYY-MM-DD")) << bad.output;
}

TEST_F(Cli, RemindEmailsWhenMailIsSetAndNamesAFailure) {
    load_demo();
    auto people = file("people.csv", "name,email\nChristine Doorly,christine@example.org\n");
    ASSERT_EQ(run("import people " + people + " --partnership southend --db " + db()).exit_code, 0);
    auto config = [&](const safeboard::testing::SmtpListener& listener) {
        return file("mail.toml", "public_url = \"https://safeboard.example.org\"\n[mail]\nhost = \"127.0.0.1\"\nport = " +
                                     std::to_string(listener.port()) + "\nfrom = \"noreply@example.org\"\n");
    };
    {
        safeboard::testing::SmtpListener refusing({.reject_recipients = {"christine@example.org"}});
        auto failed = run("remind --on 2012-04-20 --config " + config(refusing) + " --db " + db());
        EXPECT_EQ(failed.exit_code, 1) << failed.output;
        EXPECT_TRUE(has(failed, "0 e-mails sent")) << failed.output;
        EXPECT_TRUE(has(failed, "safeboard: e-mail to Christine Doorly (person ")) << failed.output;
        EXPECT_TRUE(has(failed, "550")) << failed.output;
    }
    safeboard::testing::SmtpListener listener;
    auto sent = run("remind --on 2012-04-20 --config " + config(listener) + " --db " + db());
    EXPECT_EQ(sent.exit_code, 0) << sent.output;
    EXPECT_TRUE(has(sent, "; 1 e-mails sent")) << sent.output;
    ASSERT_EQ(listener.messages().size(), 1u);
    EXPECT_EQ(listener.messages()[0].to, std::vector<std::string>{"christine@example.org"});
    EXPECT_NE(listener.messages()[0].data.find("https://safeboard.example.org/actions/"), std::string::npos);
}

}  // namespace
