#include "platform/config/settings.hpp"

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <toml++/toml.h>

#include "platform/core/text.hpp"
#include "platform/db/database.hpp"
#include "platform/mail/address.hpp"

namespace safeboard::config {

namespace {

Status bad(const std::string& message) { return fail(ErrorKind::validation, message); }

bool parse_port(std::string_view text, std::uint16_t& port) {
    if (text.empty() || text.size() > 5) return false;
    unsigned value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (value > 65535) return false;
    port = static_cast<std::uint16_t>(value);
    return true;
}

// Positive integer setting from TOML, within [low, high].
template <typename T>
Status read_integer(const toml::table& table, const char* key, const std::string& where, T& out,
                    std::int64_t low, std::int64_t high) {
    const toml::node* node = table.get(key);
    if (!node) return {};
    auto value = node->value<std::int64_t>();
    if (!node->is_integer() || !value || *value < low || *value > high) {
        return bad(where + ": " + key + " must be a whole number from " + std::to_string(low) + " to " +
                   std::to_string(high));
    }
    out = static_cast<T>(*value);
    return {};
}

Status read_string(const toml::table& table, const char* key, const std::string& where, std::string& out) {
    const toml::node* node = table.get(key);
    if (!node) return {};
    if (!node->is_string()) return bad(where + ": " + key + " must be a string");
    out = *node->value<std::string>();
    return {};
}

Status read_bool(const toml::table& table, const char* key, const std::string& where, bool& out) {
    const toml::node* node = table.get(key);
    if (!node) return {};
    if (!node->is_boolean()) return bad(where + ": " + key + " must be true or false");
    out = *node->value<bool>();
    return {};
}

Status reject_unknown(const toml::table& table, const std::set<std::string_view>& known,
                      const std::string& where) {
    for (const auto& [key, value] : table) {
        if (!known.contains(key.str())) return bad(where + ": unknown setting '" + std::string(key.str()) + "'");
    }
    return {};
}

Status read_milliseconds(const toml::table& table, const char* key, const std::string& where,
                         std::chrono::milliseconds& out) {
    std::int64_t seconds = -1;
    if (auto status = read_integer(table, key, where, seconds, 1, 3600); !status) return status;
    if (seconds > 0) out = std::chrono::seconds(seconds);
    return {};
}

Status read_mail(const toml::table& root, const std::string& origin, mail::SmtpSettings& mail) {
    const toml::table* table = root["mail"].as_table();
    if (!table) return root.contains("mail") ? bad(origin + ": mail must be a table") : Status{};
    std::string where = origin + " [mail]";
    Status s;
    if (s = reject_unknown(*table, {"host", "port", "from", "starttls", "username", "password"}, where); !s) return s;
    if (s = read_string(*table, "host", where, mail.host); !s) return s;
    if (s = read_integer(*table, "port", where, mail.port, 1, 65535); !s) return s;
    if (s = read_string(*table, "from", where, mail.from); !s) return s;
    if (s = read_bool(*table, "starttls", where, mail.starttls); !s) return s;
    if (s = read_string(*table, "username", where, mail.username); !s) return s;
    return read_string(*table, "password", where, mail.password);
}

Status read_reminders(const toml::table& root, const std::string& origin, Settings& settings) {
    const toml::table* table = root["reminders"].as_table();
    if (!table) return root.contains("reminders") ? bad(origin + ": reminders must be a table") : Status{};
    std::string where = origin + " [reminders]";
    Status s;
    if (s = reject_unknown(*table, {"time", "enabled"}, where); !s) return s;
    if (s = read_bool(*table, "enabled", where, settings.reminders_enabled); !s) return s;
    std::string time;
    if (s = read_string(*table, "time", where, time); !s) return s;
    if (!table->contains("time")) return {};
    auto minute = parse_time_of_day(time);
    if (!minute) return bad(where + ": time must be HH:MM on a 24-hour clock (UK time), e.g. \"07:00\"");
    settings.reminders_minute_of_day = *minute;
    return {};
}

// Checked once every source is read: the password may come from the environment.
Status validate_mail(const mail::SmtpSettings& mail) {
    if (mail.host.empty()) return {};
    if (has_control_characters(mail.host) || mail.host.find(' ') != std::string::npos)
        return bad("[mail] host must be a host name or address, without spaces");
    if (mail.from.empty()) return bad("[mail] from must be set when host is: the address reminders are sent from");
    if (has_control_characters(mail.from) || !mail::parse_mailbox(mail.from))
        return bad("[mail] from must be an e-mail address, e.g. \"Safeboard <noreply@example.org>\"");
    if (!mail.username.empty() && mail.password.empty())
        return bad("[mail] password (or SAFEBOARD_MAIL_PASSWORD) must be set when username is");
    if (mail.username.find('\0') != std::string::npos || mail.password.find('\0') != std::string::npos)
        return bad("[mail] username and password must not contain NUL");
    return {};
}

Status validate(const Settings& settings) {
    if (auto url = db::parse_database_url(settings.db); !url) return std::unexpected(url.error());
    if (auto listen = parse_listen(settings.listen); !listen) return std::unexpected(listen.error());
    if (settings.threads > 256) return bad("threads must be from 1 to 256");
    const std::set<std::string> levels{"debug", "info", "warn", "error"};
    if (!levels.contains(settings.log_level)) return bad("log_level must be debug, info, warn or error");
    if (!settings.public_url.empty() && !settings.public_url.starts_with("http://") &&
        !settings.public_url.starts_with("https://")) {
        return bad("public_url must start with http:// or https://");
    }
    if (settings.session_absolute_timeout < settings.session_idle_timeout) {
        return bad("session_absolute_timeout_seconds must not be shorter than session_idle_timeout_seconds");
    }
    return validate_mail(settings.mail);
}

}  // namespace

Result<ListenAddress> parse_listen(std::string_view text) {
    auto failure = [&] {
        return fail(ErrorKind::validation,
                    "listen address '" + std::string(text) + "' must be HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080");
    };
    ListenAddress address;
    std::string_view port_text;
    if (text.starts_with('[')) {
        auto close = text.find("]:");
        if (close == std::string_view::npos) return failure();
        address.host = std::string(text.substr(1, close - 1));
        port_text = text.substr(close + 2);
    } else {
        auto colon = text.rfind(':');
        if (colon == std::string_view::npos || text.find(':') != colon) return failure();
        address.host = std::string(text.substr(0, colon));
        port_text = text.substr(colon + 1);
    }
    if (address.host == "localhost") address.host = "127.0.0.1";
    if (address.host.empty() || !parse_port(port_text, address.port)) return failure();
    for (char c : address.host) {
        bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
        if (!ok) return failure();
    }
    return address;
}

Status apply_toml(Settings& settings, std::string_view toml_text, const std::string& origin) {
    toml::table root;
    try {
        root = toml::parse(toml_text, origin);
    } catch (const toml::parse_error& e) {
        const auto& where = e.source().begin;
        return bad(origin + ":" + std::to_string(where.line) + ": " + std::string(e.description()));
    }
    if (auto s = reject_unknown(root, {"db", "listen", "threads", "log_level", "public_url", "files_dir", "reviews_key_file", "http", "database",
                                    "auth", "mail", "reminders"}, origin); !s) return s;
    Status s;
    if (s = read_string(root, "db", origin, settings.db); !s) return s;
    if (s = read_string(root, "listen", origin, settings.listen); !s) return s;
    if (s = read_integer(root, "threads", origin, settings.threads, 1, 256); !s) return s;
    if (s = read_string(root, "log_level", origin, settings.log_level); !s) return s;
    if (s = read_string(root, "public_url", origin, settings.public_url); !s) return s;
    if (s = read_string(root, "files_dir", origin, settings.files_dir); !s) return s;
    if (s = read_string(root, "reviews_key_file", origin, settings.reviews_key_file); !s) return s;
    if (const toml::table* auth = root["auth"].as_table()) {
        std::string where = origin + " [auth]";
        if (s = reject_unknown(*auth, {"session_idle_timeout_seconds", "session_absolute_timeout_seconds"}, where); !s) return s;
        std::int64_t idle = settings.session_idle_timeout.count();
        std::int64_t absolute = settings.session_absolute_timeout.count();
        if (s = read_integer(*auth, "session_idle_timeout_seconds", where, idle, 1, 24 * 3600); !s) return s;
        if (s = read_integer(*auth, "session_absolute_timeout_seconds", where, absolute, 1, 7 * 24 * 3600); !s) return s;
        settings.session_idle_timeout = std::chrono::seconds(idle);
        settings.session_absolute_timeout = std::chrono::seconds(absolute);
    } else if (root.contains("auth")) {
        return bad(origin + ": auth must be a table");
    }
    if (const toml::table* http = root["http"].as_table()) {
        std::string where = origin + " [http]";
        if (s = reject_unknown(*http, {"header_limit_bytes", "body_limit_bytes", "idle_timeout_seconds",
                                       "read_timeout_seconds", "access_log"}, where); !s) return s;
        if (s = read_integer(*http, "header_limit_bytes", where, settings.header_limit_bytes, 1024, 1 << 20); !s) return s;
        if (s = read_integer(*http, "body_limit_bytes", where, settings.body_limit_bytes, 1024, std::int64_t{1} << 30); !s) return s;
        if (s = read_milliseconds(*http, "idle_timeout_seconds", where, settings.idle_timeout); !s) return s;
        if (s = read_milliseconds(*http, "read_timeout_seconds", where, settings.read_timeout); !s) return s;
        if (s = read_bool(*http, "access_log", where, settings.access_log); !s) return s;
    } else if (root.contains("http")) {
        return bad(origin + ": http must be a table");
    }
    if (const toml::table* database = root["database"].as_table()) {
        std::string where = origin + " [database]";
        if (s = reject_unknown(*database, {"pool_size"}, where); !s) return s;
        if (s = read_integer(*database, "pool_size", where, settings.pool_size, 1, 256); !s) return s;
    } else if (root.contains("database")) {
        return bad(origin + ": database must be a table");
    }
    if (s = read_mail(root, origin, settings.mail); !s) return s;
    return read_reminders(root, origin, settings);
}

Environment process_environment() {
    return [](const char* name) -> std::optional<std::string> {
        const char* value = std::getenv(name);
        if (!value) return std::nullopt;
        return std::string(value);
    };
}

Result<Settings> load(const Overrides& overrides, const Environment& environment) {
    Settings settings;
    if (overrides.config_file) {
        std::ifstream file(*overrides.config_file, std::ios::binary);
        if (!file) return fail(ErrorKind::validation, "cannot read config file " + *overrides.config_file);
        std::stringstream text;
        text << file.rdbuf();
        if (file.bad()) return fail(ErrorKind::validation, "cannot read config file " + *overrides.config_file);
        if (auto s = apply_toml(settings, text.str(), *overrides.config_file); !s) return std::unexpected(s.error());
    }
    if (auto db = environment("SAFEBOARD_DB")) settings.db = *db;
    if (auto listen = environment("SAFEBOARD_LISTEN")) settings.listen = *listen;
    if (auto password = environment("SAFEBOARD_MAIL_PASSWORD")) settings.mail.password = *password;
    if (overrides.db) settings.db = *overrides.db;
    if (overrides.listen) settings.listen = *overrides.listen;
    if (overrides.threads) settings.threads = *overrides.threads;
    if (auto s = validate(settings); !s) return std::unexpected(s.error());
    return settings;
}

std::optional<mail::SmtpSettings> smtp_settings(const Settings& settings) {
    if (settings.mail.host.empty()) return std::nullopt;
    return settings.mail;
}

std::optional<int> parse_time_of_day(std::string_view text) {
    auto digit = [&](std::size_t at) { return text[at] >= '0' && text[at] <= '9'; };
    if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) return std::nullopt;
    int hours = (text[0] - '0') * 10 + (text[1] - '0');
    int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (hours > 23 || minutes > 59) return std::nullopt;
    return hours * 60 + minutes;
}

namespace {

// A file or folder beside the SQLite database, or in var/ with PostgreSQL.
std::filesystem::path beside_database(const Settings& settings, std::string_view name) {
    constexpr std::string_view sqlite = "sqlite:";
    if (settings.db.starts_with(sqlite)) {
        auto database = std::filesystem::path(settings.db.substr(sqlite.size()));
        return database.parent_path() / name;
    }
    return std::filesystem::path("var") / name;
}

}  // namespace

std::filesystem::path files_dir(const Settings& settings) {
    if (!settings.files_dir.empty()) return settings.files_dir;
    return beside_database(settings, "files");
}

std::filesystem::path reviews_key_file(const Settings& settings) {
    if (!settings.reviews_key_file.empty()) return settings.reviews_key_file;
    return beside_database(settings, "reviews.key");
}

std::string public_url(const Settings& settings) {
    if (!settings.public_url.empty()) return settings.public_url;
    return "http://" + settings.listen;
}

}  // namespace safeboard::config
