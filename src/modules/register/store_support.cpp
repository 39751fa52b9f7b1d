#include "modules/register/store_support.hpp"

#include "platform/core/text.hpp"

namespace safeboard::register_::detail {

db::Value nullable(const std::optional<std::string>& value) {
    if (!value) return db::Null{};
    return *value;
}

db::Value nullable(const std::optional<std::int64_t>& value) {
    if (!value) return db::Null{};
    return *value;
}

std::optional<std::string> text_of(const std::optional<std::int64_t>& value) {
    if (!value) return std::nullopt;
    return std::to_string(*value);
}

std::string yes_no(bool value) { return value ? "yes" : "no"; }

std::string name_key(std::string_view name) { return lower_ascii(trim(name)); }

std::string bind_list(std::vector<db::Value>& params, const std::vector<std::int64_t>& ids) {
    std::string list;
    for (auto id : ids) {
        params.emplace_back(id);
        list += (list.empty() ? "$" : ", $") + std::to_string(params.size());
    }
    return list.empty() ? "NULL" : list;
}

std::string like_pattern(std::string_view text) {
    std::string pattern = "%";
    for (char c : lower_ascii(trim(text))) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
    }
    return pattern + "%";
}

void after_key(std::string& sql, std::vector<db::Value>& params, const std::string& table,
               const std::optional<NameKey>& after) {
    if (!after) return;
    params.emplace_back(after->name_key);
    auto key = "$" + std::to_string(params.size());
    params.emplace_back(after->id);
    auto id = "$" + std::to_string(params.size());
    sql += " AND (" + table + ".name_key > " + key + " OR (" + table + ".name_key = " + key + " AND " + table +
           ".id > " + id + "))";
}

bool record(db::Connection& db, const audit::Actor& actor, std::string_view action, std::string_view type,
            std::int64_t id, const Snapshot& before, const Snapshot& after, std::string detail) {
    auto changes = audit::diff(before, after);
    if (changes.empty() && action == "update") return false;
    audit::append(db, actor, {std::string(action), std::string(type), std::to_string(id), std::move(changes),
                              std::move(detail)});
    return true;
}

bool apply_update(db::Connection& db, const audit::Actor& actor, std::string_view type, std::int64_t id,
                  const Snapshot& before, const Snapshot& after, const std::function<void()>& write) {
    if (before == after) return false;
    write();
    return record(db, actor, "update", type, id, before, after);
}

}  // namespace safeboard::register_::detail
