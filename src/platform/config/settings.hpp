#pragma once
// Settings for the safeboard binary. Later sources override earlier ones:
// built-in defaults < the TOML file (--config) < environment (SAFEBOARD_DB,
// SAFEBOARD_LISTEN, SAFEBOARD_MAIL_PASSWORD) < command-line flags. Every value is checked here, once,
// and a bad one is reported naming where it came from.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "platform/core/error.hpp"
#include "platform/mail/mail.hpp"

namespace safeboard::config {

struct ListenAddress {
    std::string host;  // an IP address: 127.0.0.1, ::1, 0.0.0.0
    std::uint16_t port = 0;
};

// "127.0.0.1:8080", "[::1]:8080", "localhost:8080" (as 127.0.0.1).
Result<ListenAddress> parse_listen(std::string_view text);

struct Settings {
    std::string db = "sqlite:var/safeboard.db";
    std::string listen = "127.0.0.1:8080";
    unsigned threads = 0;       // I/O threads; 0 means one per core
    unsigned pool_size = 4;     // database connections, and worker threads serving them
    std::size_t header_limit_bytes = 16 * 1024;
    std::size_t body_limit_bytes = 1024 * 1024;
    std::chrono::milliseconds idle_timeout{30'000};
    std::chrono::milliseconds read_timeout{30'000};
    std::string log_level = "info";
    bool access_log = true;
    // The address people reach Safeboard at (for set-up links, the Origin
    // check and HSTS); empty means http:// + listen.
    std::string public_url;
    // Where uploaded files (evidence, papers) are kept, outside any web
    // root; empty means a folder "files" beside the SQLite database, or
    // var/files with PostgreSQL. Every instance behind a load balancer must
    // see the same folder.
    std::string files_dir;
    // The key that seals learning reviews' sensitive details (32 bytes, or
    // 64 hex characters; mode 0600), never kept in the database; empty means
    // "reviews.key" beside the SQLite database, or var/reviews.key.
    std::string reviews_key_file;
    // [auth]
    std::chrono::seconds session_idle_timeout{30 * 60};
    std::chrono::seconds session_absolute_timeout{12 * 60 * 60};
    // [mail]: SMTP for the reminders; none is sent while host is empty. The
    // password may come from SAFEBOARD_MAIL_PASSWORD instead of the file.
    mail::SmtpSettings mail;
    // [reminders]: the daily run inside serve, at this time of day, UK time.
    bool reminders_enabled = true;
    int reminders_minute_of_day = 7 * 60;  // time = "07:00"
};

// The SMTP settings when mail is configured ([mail] host is set), else nullopt.
std::optional<mail::SmtpSettings> smtp_settings(const Settings& settings);

// "07:00" as 420 minutes after midnight; nullopt unless HH:MM on a 24-hour clock.
std::optional<int> parse_time_of_day(std::string_view text);

// files_dir, or its default for the database.
std::filesystem::path files_dir(const Settings& settings);

// reviews_key_file, or its default for the database.
std::filesystem::path reviews_key_file(const Settings& settings);

// public_url, or the listen address as an http:// URL.
std::string public_url(const Settings& settings);

// What the command line said; empty means "not given".
struct Overrides {
    std::optional<std::string> config_file;
    std::optional<std::string> db;
    std::optional<std::string> listen;
    std::optional<unsigned> threads;
};

using Environment = std::function<std::optional<std::string>(const char* name)>;
Environment process_environment();

// Reads the file (if any), the environment and the overrides, and validates
// the result. The error message is one line naming the problem.
Result<Settings> load(const Overrides& overrides, const Environment& environment);

// Reads just a TOML text onto `settings` (exposed for tests); `origin` names it in errors.
Status apply_toml(Settings& settings, std::string_view toml_text, const std::string& origin);

}  // namespace safeboard::config
