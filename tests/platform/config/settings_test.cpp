#include "platform/config/settings.hpp"

#include <filesystem>
#include <fstream>
#include <map>

#include <unistd.h>

#include <gtest/gtest.h>

namespace safeboard::config {
namespace {

Environment fake_environment(std::map<std::string, std::string> values) {
    return [values](const char* name) -> std::optional<std::string> {
        auto it = values.find(name);
        if (it == values.end()) return std::nullopt;
        return it->second;
    };
}

std::string write_temp(const std::string& name, const std::string& text) {
    auto path = std::filesystem::temp_directory_path() / ("safeboard-settings-" + std::to_string(::getpid()) + name);
    std::ofstream(path) << text;
    return path.string();
}

TEST(ListenAddress, ParsesHostsAndPorts) {
    auto v4 = parse_listen("127.0.0.1:8080");
    ASSERT_TRUE(v4);
    EXPECT_EQ(v4->host, "127.0.0.1");
    EXPECT_EQ(v4->port, 8080);
    auto v6 = parse_listen("[::1]:9000");
    ASSERT_TRUE(v6);
    EXPECT_EQ(v6->host, "::1");
    EXPECT_EQ(parse_listen("localhost:80")->host, "127.0.0.1");
}

TEST(ListenAddress, RejectsWhatIsNotHostColonPort) {
    for (const char* bad : {"8080", "127.0.0.1", "127.0.0.1:", "127.0.0.1:99999", "host name:80", ":80",
                            "::1:80", "[::1]", "127.0.0.1:8a"}) {
        auto result = parse_listen(bad);
        ASSERT_FALSE(result) << bad;
        EXPECT_NE(result.error().message.find(bad), std::string::npos) << result.error().message;
    }
}

TEST(Settings, DefaultsServeSqliteOnLoopback) {
    auto settings = load({}, fake_environment({}));
    ASSERT_TRUE(settings);
    EXPECT_EQ(settings->db, "sqlite:var/safeboard.db");
    EXPECT_EQ(settings->listen, "127.0.0.1:8080");
}

TEST(Settings, FlagsOverrideEnvironmentWhichOverridesTheFile) {
    auto file = write_temp("layers.toml", "db = \"sqlite:from-file.db\"\nlisten = \"127.0.0.1:1111\"\nthreads = 3\n");
    Overrides overrides;
    overrides.config_file = file;
    auto from_file = load(overrides, fake_environment({}));
    ASSERT_TRUE(from_file) << from_file.error().message;
    EXPECT_EQ(from_file->db, "sqlite:from-file.db");
    EXPECT_EQ(from_file->threads, 3u);

    auto env = fake_environment({{"SAFEBOARD_DB", "sqlite:from-env.db"}, {"SAFEBOARD_LISTEN", "127.0.0.1:2222"}});
    auto from_env = load(overrides, env);
    EXPECT_EQ(from_env->db, "sqlite:from-env.db");
    EXPECT_EQ(from_env->listen, "127.0.0.1:2222");

    overrides.db = "postgresql://safeboard@127.0.0.1:5432/safeboard";
    overrides.listen = "[::1]:3333";
    auto from_flags = load(overrides, env);
    EXPECT_EQ(from_flags->db, "postgresql://safeboard@127.0.0.1:5432/safeboard");
    EXPECT_EQ(from_flags->listen, "[::1]:3333");
    std::filesystem::remove(file);
}

TEST(Settings, ReadsTheHttpAndDatabaseTables) {
    Settings settings;
    auto status = apply_toml(settings,
                             "[http]\nbody_limit_bytes = 2048\nidle_timeout_seconds = 5\naccess_log = false\n"
                             "[database]\npool_size = 8\n",
                             "test.toml");
    ASSERT_TRUE(status) << status.error().message;
    EXPECT_EQ(settings.body_limit_bytes, 2048u);
    EXPECT_EQ(settings.idle_timeout, std::chrono::seconds(5));
    EXPECT_FALSE(settings.access_log);
    EXPECT_EQ(settings.pool_size, 8u);
}

TEST(Settings, NamesTheProblemInABadFile) {
    struct Case {
        const char* text;
        const char* expected;
    };
    for (const Case& c : {Case{"db = 5\n", "db must be a string"},
                          Case{"threads = 0\n", "threads must be a whole number from 1 to 256"},
                          Case{"colour = \"blue\"\n", "unknown setting 'colour'"},
                          Case{"[http]\nbody_limit = 1\n", "unknown setting 'body_limit'"},
                          Case{"db = \"unterminated\n", "bad.toml:1"},
                          Case{"[database]\npool_size = 1000\n", "pool_size must be a whole number from 1 to 256"}}) {
        Settings settings;
        auto status = apply_toml(settings, c.text, "bad.toml");
        ASSERT_FALSE(status) << c.text;
        EXPECT_NE(status.error().message.find(c.expected), std::string::npos)
            << c.text << " gave: " << status.error().message;
    }
}

TEST(Settings, UnreadableConfigFileIsNamed) {
    Overrides overrides;
    overrides.config_file = "/nonexistent/safeboard.toml";
    auto result = load(overrides, fake_environment({}));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message, "cannot read config file /nonexistent/safeboard.toml");
}

TEST(Settings, BadDatabaseUrlOrListenAddressIsRefused) {
    Overrides overrides;
    overrides.db = "mysql://x";
    auto bad_db = load(overrides, fake_environment({}));
    ASSERT_FALSE(bad_db);
    EXPECT_NE(bad_db.error().message.find("mysql://x"), std::string::npos);
    auto bad_listen = load({}, fake_environment({{"SAFEBOARD_LISTEN", "nowhere"}}));
    ASSERT_FALSE(bad_listen);
    EXPECT_NE(bad_listen.error().message.find("nowhere"), std::string::npos);
}

TEST(Settings, ReadsTheMailAndRemindersTables) {
    auto file = write_temp("mail.toml",
                           "[mail]\nhost = \"smtp.example.org\"\nport = 587\nfrom = \"Safeboard <noreply@example.org>\"\n"
                           "starttls = true\nusername = \"safeboard\"\npassword = \"from-file\"\n"
                           "[reminders]\ntime = \"06:30\"\nenabled = false\n");
    Overrides overrides;
    overrides.config_file = file;
    auto settings = load(overrides, fake_environment({}));
    std::filesystem::remove(file);
    ASSERT_TRUE(settings) << settings.error().message;
    auto smtp = smtp_settings(*settings);
    ASSERT_TRUE(smtp);
    EXPECT_EQ(smtp->host, "smtp.example.org");
    EXPECT_EQ(smtp->port, 587);
    EXPECT_EQ(smtp->from, "Safeboard <noreply@example.org>");
    EXPECT_TRUE(smtp->starttls);
    EXPECT_EQ(smtp->username, "safeboard");
    EXPECT_EQ(smtp->password, "from-file");
    EXPECT_FALSE(settings->reminders_enabled);
    EXPECT_EQ(settings->reminders_minute_of_day, 6 * 60 + 30);
}

TEST(Settings, WithoutAMailHostNoMailIsSentAndRemindersRunAtSeven) {
    auto settings = load({}, fake_environment({}));
    ASSERT_TRUE(settings);
    EXPECT_FALSE(smtp_settings(*settings));
    EXPECT_TRUE(settings->reminders_enabled);
    EXPECT_EQ(settings->reminders_minute_of_day, 7 * 60);
}

TEST(Settings, TheMailPasswordMayComeFromTheEnvironment) {
    auto file = write_temp("mail-user.toml", "[mail]\nhost = \"smtp.example.org\"\nfrom = \"noreply@example.org\"\n"
                                             "starttls = true\nusername = \"safeboard\"\n");
    Overrides overrides;
    overrides.config_file = file;
    auto missing = load(overrides, fake_environment({}));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message, "[mail] password (or SAFEBOARD_MAIL_PASSWORD) must be set when username is");
    auto from_env = load(overrides, fake_environment({{"SAFEBOARD_MAIL_PASSWORD", "s3cret"}}));
    std::filesystem::remove(file);
    ASSERT_TRUE(from_env) << from_env.error().message;
    EXPECT_EQ(smtp_settings(*from_env)->password, "s3cret");
}

TEST(Settings, NamesTheProblemInTheMailAndRemindersTables) {
    struct Case {
        const char* text;
        const char* expected;
    };
    for (const Case& c : {Case{"[mail]\nport = 0\n", "bad.toml [mail]: port must be a whole number from 1 to 65535"},
                          Case{"[mail]\nport = 70000\n", "port must be a whole number from 1 to 65535"},
                          Case{"[mail]\nstarttls = \"yes\"\n", "bad.toml [mail]: starttls must be true or false"},
                          Case{"[mail]\nhost = 25\n", "host must be a string"},
                          Case{"[mail]\nserver = \"x\"\n", "bad.toml [mail]: unknown setting 'server'"},
                          Case{"mail = \"smtp.example.org\"\n", "mail must be a table"},
                          Case{"[reminders]\ntime = \"7am\"\n", "bad.toml [reminders]: time must be HH:MM"},
                          Case{"[reminders]\ntime = \"24:00\"\n", "time must be HH:MM"},
                          Case{"[reminders]\ntime = 7\n", "time must be a string"},
                          Case{"[reminders]\nenabled = 1\n", "bad.toml [reminders]: enabled must be true or false"},
                          Case{"[reminders]\nat = \"07:00\"\n", "unknown setting 'at'"}}) {
        Settings settings;
        auto status = apply_toml(settings, c.text, "bad.toml");
        ASSERT_FALSE(status) << c.text;
        EXPECT_NE(status.error().message.find(c.expected), std::string::npos)
            << c.text << " gave: " << status.error().message;
    }
}

TEST(Settings, AMailHostNeedsAProperSender) {
    struct Case {
        const char* text;
        const char* expected;
    };
    for (const Case& c : {Case{"[mail]\nhost = \"smtp.example.org\"\n", "[mail] from must be set when host is"},
                          Case{"[mail]\nhost = \"smtp.example.org\"\nfrom = \"Safeboard\"\n",
                               "[mail] from must be an e-mail address"},
                          Case{"[mail]\nhost = \"smtp example\"\nfrom = \"noreply@example.org\"\n",
                               "[mail] host must be a host name or address"}}) {
        auto file = write_temp("sender.toml", c.text);
        Overrides overrides;
        overrides.config_file = file;
        auto result = load(overrides, fake_environment({}));
        std::filesystem::remove(file);
        ASSERT_FALSE(result) << c.text;
        EXPECT_NE(result.error().message.find(c.expected), std::string::npos) << c.text << " gave: " << result.error().message;
    }
}

TEST(Settings, ReadsATimeOfDay) {
    EXPECT_EQ(parse_time_of_day("00:00"), 0);
    EXPECT_EQ(parse_time_of_day("07:00"), 420);
    EXPECT_EQ(parse_time_of_day("23:59"), 23 * 60 + 59);
    for (const char* bad : {"7:00", "07:60", "24:00", "0700", "07:00 ", "", "ab:cd"}) {
        EXPECT_EQ(parse_time_of_day(bad), std::nullopt) << bad;
    }
}

TEST(Settings, UploadedFilesLiveBesideTheSqliteDatabaseUnlessNamed) {
    Settings settings;
    EXPECT_EQ(files_dir(settings), std::filesystem::path("var/files"));
    settings.db = "sqlite:/srv/safeboard/board.db";
    EXPECT_EQ(files_dir(settings), std::filesystem::path("/srv/safeboard/files"));
    settings.db = "postgresql://safeboard@db.internal/safeboard";
    EXPECT_EQ(files_dir(settings), std::filesystem::path("var/files"));
    ASSERT_TRUE(apply_toml(settings, "files_dir = \"/srv/shared/safeboard-files\"\n", "test.toml"));
    EXPECT_EQ(files_dir(settings), std::filesystem::path("/srv/shared/safeboard-files"));
}

TEST(Settings, TheReviewsKeyLivesBesideTheSqliteDatabaseUnlessNamed) {
    Settings settings;
    EXPECT_EQ(reviews_key_file(settings), std::filesystem::path("var/reviews.key"));
    settings.db = "sqlite:/srv/safeboard/board.db";
    EXPECT_EQ(reviews_key_file(settings), std::filesystem::path("/srv/safeboard/reviews.key"));
    ASSERT_TRUE(apply_toml(settings, "reviews_key_file = \"/etc/safeboard/reviews.key\"\n", "test.toml"));
    EXPECT_EQ(reviews_key_file(settings), std::filesystem::path("/etc/safeboard/reviews.key"));
}

}  // namespace
}  // namespace safeboard::config
