// The safeboard binary as a user runs it: exit codes, one-line errors, and
// nothing half-created.
#include <array>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <algorithm>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

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
    fs::path dir_;
};

TEST_F(Cli, EverySubcommandHasHelp) {
    for (const char* command : {"serve", "migrate", "check", "version"}) {
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

TEST_F(Cli, ServeAndDemoRefuseADatabaseBehindTheMigrations) {
    std::ofstream(dir_ / "safeboard.db").close();  // an empty SQLite file: every migration pending
    for (const char* command : {"serve --listen 127.0.0.1:0", "demo"}) {
        auto outcome = run(std::string(command) + " --db " + db());
        EXPECT_EQ(outcome.exit_code, 1) << command;
        EXPECT_EQ(lines(outcome.output), 1u) << outcome.output;
        EXPECT_NE(outcome.output.find("7 migration(s) pending, first audit/0001_create_audit_log; "
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

}  // namespace
