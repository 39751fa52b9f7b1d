#include <map>

#include "modules/plans/store_support.hpp"
#include "modules/plans/vocabulary.hpp"

namespace safeboard::plans {

using namespace detail;

namespace {

constexpr const char* update_select =
    "SELECT id, action_id, written_on, author_user_id, author_name, narrative, rag, status, created_at "
    "FROM action_updates ";

Update update_from(const db::Row& row) {
    Update u;
    u.id = row.integer(0);
    u.action_id = row.integer(1);
    u.written_on = row.text(2);
    u.author_user_id = row.integer(3);
    u.author_name = row.text(4);
    u.narrative = row.text(5);
    u.rag = parse_term<Rag>(row.text(6)).value_or(Rag::green);
    u.status = parse_term<Status>(row.text(7)).value_or(Status::on_track);
    u.created_at = row.text(8);
    return u;
}

Evidence evidence_from(const db::Row& row, std::size_t from) {
    return {row.integer(from),     row.text(from + 1), row.text(from + 2), row.text(from + 3),
            row.text(from + 4), row.integer(from + 5)};
}

void fill_evidence(db::Connection& db, std::vector<Update>& updates) {
    if (updates.empty()) return;
    std::map<std::int64_t, Update*> index;
    std::vector<std::int64_t> ids;
    for (auto& u : updates) {
        index[u.id] = &u;
        ids.push_back(u.id);
    }
    std::vector<db::Value> params;
    auto sql = "SELECT update_id, id, url, file_sha256, filename, content_type, size FROM update_evidence "
               "WHERE update_id IN (" + bind_list(params, ids) + ") ORDER BY update_id, id";
    for (const auto& row : db.query(sql, params).rows) index[row.integer(0)]->evidence.push_back(evidence_from(row, 1));
}

std::string evidence_text(const std::vector<Evidence>& evidence) {
    std::string text;
    for (const auto& e : evidence) text += (text.empty() ? "" : ";") + (e.url.empty() ? e.filename + " " + e.file_sha256 : e.url);
    return text;
}

}  // namespace

std::int64_t add_update(db::Connection& db, const Update& u, const audit::Actor& actor) {
    auto id = db.query("INSERT INTO action_updates (action_id, written_on, author_user_id, author_name, narrative, rag, "
                       "status) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                       {u.action_id, u.written_on, u.author_user_id, u.author_name, u.narrative,
                        std::string(code_of(u.rag)), std::string(code_of(u.status))})
                  .rows.front()
                  .integer(0);
    for (const auto& e : u.evidence) {
        db.query("INSERT INTO update_evidence (update_id, url, file_sha256, filename, content_type, size) "
                 "VALUES ($1, $2, $3, $4, $5, $6)",
                 {id, e.url, e.file_sha256, e.filename, e.content_type, e.size});
    }
    record(db, actor, "create", "action_update", id, {},
           {{"action_id", std::to_string(u.action_id)},
            {"written_on", u.written_on},
            {"narrative", u.narrative},
            {"rag", std::string(code_of(u.rag))},
            {"status", std::string(code_of(u.status))},
            {"evidence", evidence_text(u.evidence)}});
    // The action shows its latest update's status and RAG; an update dated
    // before a later one is history and changes neither.
    auto later = db.query("SELECT 1 FROM action_updates WHERE action_id = $1 AND id <> $2 AND written_on > $3",
                          {u.action_id, id, u.written_on});
    if (later.empty()) {
        if (auto action = find_action(db, u.action_id)) {
            action->status = u.status;
            action->rag = u.rag;
            update_action(db, *action, actor);
        }
    }
    return id;
}

std::vector<Update> updates_of(db::Connection& db, std::int64_t action_id) {
    std::vector<Update> updates;
    for (const auto& row :
         db.query(std::string(update_select) + "WHERE action_id = $1 ORDER BY written_on DESC, id DESC", {action_id})
             .rows) {
        updates.push_back(update_from(row));
    }
    fill_evidence(db, updates);
    return updates;
}

std::optional<Update> find_update(db::Connection& db, std::int64_t id) {
    auto result = db.query(std::string(update_select) + "WHERE id = $1", {id});
    if (result.empty()) return std::nullopt;
    std::vector<Update> one{update_from(result.rows.front())};
    fill_evidence(db, one);
    return one.front();
}

std::map<std::int64_t, Update> latest_updates(db::Connection& db, const std::vector<std::int64_t>& action_ids) {
    std::map<std::int64_t, Update> latest;
    if (action_ids.empty()) return latest;
    std::vector<db::Value> params;
    auto sql = std::string(update_select) + "WHERE action_id IN (" + bind_list(params, action_ids) +
               ") ORDER BY action_id, written_on DESC, id DESC";
    for (const auto& row : db.query(sql, params).rows) {
        auto update = update_from(row);
        latest.try_emplace(update.action_id, std::move(update));
    }
    return latest;
}

std::optional<Evidence> find_evidence(db::Connection& db, std::int64_t action_id, std::int64_t evidence_id) {
    auto result = db.query("SELECT e.id, e.url, e.file_sha256, e.filename, e.content_type, e.size FROM update_evidence e "
                           "JOIN action_updates u ON u.id = e.update_id WHERE e.id = $1 AND u.action_id = $2",
                           {evidence_id, action_id});
    if (result.empty()) return std::nullopt;
    return evidence_from(result.rows.front(), 0);
}

}  // namespace safeboard::plans
