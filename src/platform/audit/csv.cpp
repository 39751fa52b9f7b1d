#include "platform/audit/export.hpp"
#include "platform/audit/stored.hpp"
#include "platform/audit/text.hpp"
#include "platform/core/text.hpp"

namespace safeboard::audit {
namespace {

bool starts_like_formula(std::string_view value) {
    return !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
}

void append_field(std::string& out, std::string_view raw) {
    std::string value = replace_invalid_utf8(raw);
    if (starts_like_formula(value)) value.insert(0, 1, '\'');
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
        out += value;
        return;
    }
    out += '"';
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void append_row(std::string& out, std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (auto field : fields) {
        if (!first) out += ',';
        append_field(out, field);
        first = false;
    }
    out += "\r\n";
}

}  // namespace

std::string to_csv(const std::vector<StoredEntry>& entries) {
    std::string out;
    append_row(out, {"seq", "at", "user_id", "actor", "remote", "request_id", "action", "entity_type", "entity_id",
                     "changes", "detail", "hash"});
    for (const auto& stored : entries) {
        const Actor& actor = stored.actor;
        const Entry& entry = stored.entry;
        std::string user_id = actor.user_id ? std::to_string(*actor.user_id) : "";
        append_row(out, {std::to_string(stored.seq), stored.at, user_id, actor.label, actor.remote, actor.request_id,
                         entry.action, entry.entity_type, entry.entity_id, stored::changes_json(entry.changes),
                         entry.detail, stored.hash});
    }
    return out;
}

}  // namespace safeboard::audit
