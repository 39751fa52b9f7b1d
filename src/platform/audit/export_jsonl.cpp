#include <limits>
#include <stdexcept>

#include "platform/audit/dates.hpp"
#include "platform/audit/export.hpp"
#include "platform/audit/snapshot.hpp"
#include "platform/audit/stored.hpp"
#include "platform/audit/text.hpp"

namespace safeboard::audit {
namespace {

constexpr std::int64_t kBatch = 500;

void member(std::string& out, std::string_view name, std::string_view value) {
    out += ',';
    text::append_json_string(out, name);
    out += ':';
    text::append_json_string(out, value);
}

void check_range(std::string_view from, std::string_view to) {
    if (!dates::is_date(from) || !dates::is_date(to)) {
        throw std::invalid_argument("audit export dates must be real dates written YYYY-MM-DD");
    }
    if (from > to) throw std::invalid_argument("audit export: from is after to");
}

std::string head_line(db::Connection& db) {
    auto head = db.query("SELECT seq, hash FROM audit_head WHERE id = 1");
    if (head.empty()) {
        throw db::DatabaseError(db::ErrorCode::other,
                                "the audit head record (audit_head, id 1) is missing");
    }
    std::string line = "{\"head\":{\"seq\":" + std::to_string(head.rows.front().integer(0)) + ",\"hash\":";
    text::append_json_string(line, head.rows.front().text(1));
    line += "}}\n";
    return line;
}

}  // namespace

std::string to_json(const StoredEntry& entry) {
    const Actor& actor = entry.actor;
    std::string out = "{\"seq\":" + std::to_string(entry.seq);
    member(out, "at", entry.at);
    out += ",\"user_id\":";
    out += actor.user_id ? std::to_string(*actor.user_id) : "null";
    member(out, "actor", actor.label);
    member(out, "remote", actor.remote);
    member(out, "request_id", actor.request_id);
    member(out, "action", entry.entry.action);
    member(out, "entity_type", entry.entry.entity_type);
    member(out, "entity_id", entry.entry.entity_id);
    out += ",\"changes\":" + stored::changes_json(entry.entry.changes);
    member(out, "detail", entry.entry.detail);
    member(out, "prev_hash", entry.prev_hash);
    member(out, "hash", entry.hash);
    out += '}';
    return out;
}

std::size_t export_jsonl(db::Connection& db, std::string_view from, std::string_view to, std::ostream& out) {
    check_range(from, to);
    ReadSnapshot snapshot(db);
    const std::string select = "SELECT " + std::string(stored::kColumns) +
                               " FROM audit_log WHERE at >= $1 AND at < $2 AND seq > $3 ORDER BY seq LIMIT $4";
    std::string until = dates::end_of_day(to);
    std::size_t written = 0;
    std::int64_t after = std::numeric_limits<std::int64_t>::min();
    for (;;) {
        auto batch = db.query(select, {std::string(from), until, after, kBatch});
        for (const auto& row : batch.rows) {
            StoredEntry entry = stored::stored_entry(row);
            out << to_json(entry) << '\n';
            after = entry.seq;
            ++written;
        }
        if (static_cast<std::int64_t>(batch.rows.size()) < kBatch) break;
    }
    out << head_line(db);
    out.flush();
    return written;
}

}  // namespace safeboard::audit
