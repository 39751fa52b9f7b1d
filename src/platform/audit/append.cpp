#include "platform/audit/audit.hpp"

#include <optional>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "platform/audit/append_at.hpp"
#include "platform/audit/dates.hpp"
#include "platform/audit/stored.hpp"
#include "platform/audit/text.hpp"
#include "platform/core/text.hpp"

namespace safeboard::audit {
namespace {

// Why `value` cannot be stored, or nullopt when it can.
std::optional<std::string> text_problem(std::string_view value, std::size_t limit) {
    if (!is_utf8(value)) return "is not valid UTF-8";
    if (value.find('\0') != std::string_view::npos) return "holds a NUL character";
    std::size_t length = utf8_length(value).value_or(0);
    if (length <= limit) return std::nullopt;
    return "is " + std::to_string(length) + " characters long; at most " + std::to_string(limit) + " are allowed";
}

void require_text(std::string_view name, std::string_view value, std::size_t limit) {
    if (auto problem = text_problem(value, limit)) {
        throw std::invalid_argument("audit " + std::string(name) + " " + *problem);
    }
}

void require_present(std::string_view name, std::string_view value) {
    if (value.empty()) throw std::invalid_argument("audit " + std::string(name) + " is empty");
}

void require_changes(const std::vector<FieldChange>& changes) {
    if (changes.size() > limits::changes) {
        throw std::invalid_argument("audit entry has " + std::to_string(changes.size()) + " changes; at most " +
                                    std::to_string(limits::changes) + " are allowed");
    }
    for (const auto& change : changes) {
        require_present("change field", change.field);
        require_text("change field", change.field, limits::field);
        for (const auto* value : {&change.before, &change.after}) {
            auto problem = *value ? text_problem(**value, limits::value) : std::nullopt;
            if (problem) throw std::invalid_argument("audit value of " + change.field + " " + *problem);
        }
    }
}

void require_well_formed(const Actor& actor, const Entry& entry) {
    require_present("actor label", actor.label);
    require_present("action", entry.action);
    require_present("entity type", entry.entity_type);
    require_text("actor label", actor.label, limits::label);
    require_text("remote address", actor.remote, limits::remote);
    require_text("request id", actor.request_id, limits::request_id);
    require_text("action", entry.action, limits::action);
    require_text("entity type", entry.entity_type, limits::entity_type);
    require_text("entity id", entry.entity_id, limits::entity_id);
    require_text("detail", entry.detail, limits::detail);
    require_changes(entry.changes);
}

// Takes the next seq and the previous hash. The UPDATE comes first because on
// PostgreSQL it locks the head row: a concurrent append waits here until this
// transaction ends, then reads the seq and hash this one left.
std::pair<std::int64_t, std::string> claim_next(db::Connection& db) {
    auto result = db.query("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash");
    if (result.empty()) {
        throw db::DatabaseError(db::ErrorCode::other,
                                "the audit head record (audit_head, id 1) is missing");
    }
    return {result.rows.front().integer(0), result.rows.front().text(1)};
}

void insert(db::Connection& db, const StoredEntry& stored) {
    const Actor& actor = stored.actor;
    const Entry& entry = stored.entry;
    db::Value user_id = actor.user_id ? db::Value{*actor.user_id} : db::Value{db::Null{}};
    db.query("INSERT INTO audit_log (seq, at, user_id, actor, remote, request_id, action, entity_type, "
             "entity_id, changes, detail, prev_hash, hash) "
             "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
             {stored.seq, stored.at, user_id, actor.label, actor.remote, actor.request_id, entry.action,
              entry.entity_type, entry.entity_id, stored::changes_json(entry.changes), entry.detail,
              stored.prev_hash, stored.hash});
    db.query("UPDATE audit_head SET hash = $1 WHERE id = 1", {stored.hash});
}

}  // namespace

Recorded append_at(db::Connection& db, std::string_view at, const Actor& actor, const Entry& entry) {
    if (!dates::is_timestamp(at)) {
        throw std::invalid_argument("audit time \"" + std::string(at) + "\" is not YYYY-MM-DDTHH:MM:SS.mmmZ");
    }
    require_well_formed(actor, entry);
    if (!db.in_transaction()) {
        throw std::logic_error("audit::append must run inside the caller's write transaction");
    }
    StoredEntry stored{0, std::string(at), actor, entry, {}, {}};
    std::tie(stored.seq, stored.prev_hash) = claim_next(db);
    stored.hash = entry_hash(stored);
    insert(db, stored);
    return {stored.seq, stored.at, stored.hash};
}

Recorded append(db::Connection& db, const Actor& actor, const Entry& entry) {
    return append_at(db, dates::utc_now(), actor, entry);
}

Recorded append_alone(db::Connection& db, const Actor& actor, const Entry& entry) {
    if (db.in_transaction()) {
        throw std::logic_error("audit::append_alone cannot run inside a transaction; call audit::append there");
    }
    db::Transaction transaction(db, db::TxMode::write);
    Recorded recorded = append(db, actor, entry);
    transaction.commit();
    return recorded;
}

}  // namespace safeboard::audit
