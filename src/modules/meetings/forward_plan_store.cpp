// The forward plan: what each body plans to take at which meeting.
#include "modules/meetings/store_support.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "modules/plans/store.hpp"

namespace safeboard::meetings {

using namespace detail;

namespace {

constexpr const char* item_select =
    "SELECT f.id, f.body_id, f.title, f.kind, f.organisation_id, COALESCE(o.name, ''), f.subject_body_id, "
    "COALESCE(sb.name, ''), f.planned_month, f.position, f.meeting_id, f.status, f.carried_from_id, f.notes "
    "FROM forward_plan_items f LEFT JOIN organisations o ON o.id = f.organisation_id "
    "LEFT JOIN bodies sb ON sb.id = f.subject_body_id ";

ForwardPlanItem item_from(const db::Row& row) {
    ForwardPlanItem f;
    f.id = row.integer(0);
    f.body_id = row.integer(1);
    f.title = row.text(2);
    f.kind = parse_term<ItemKind>(row.text(3)).value_or(ItemKind::other);
    f.organisation_id = row.optional_integer(4);
    f.organisation_name = row.text(5);
    f.subject_body_id = row.optional_integer(6);
    f.subject_body_name = row.text(7);
    f.planned_month = row.text(8);
    f.position = static_cast<int>(row.integer(9));
    f.meeting_id = row.optional_integer(10);
    f.status = parse_term<ItemStatus>(row.text(11)).value_or(ItemStatus::planned);
    f.carried_from_id = row.optional_integer(12);
    f.notes = row.text(13);
    return f;
}

std::vector<ForwardPlanItem> items_where(db::Connection& db, const std::string& where, std::vector<db::Value> params) {
    std::vector<ForwardPlanItem> items;
    for (const auto& row : db.query(std::string(item_select) + "WHERE " + where, params).rows)
        items.push_back(item_from(row));
    return items;
}

Snapshot snapshot(const ForwardPlanItem& f) {
    return {{"body_id", std::to_string(f.body_id)},
            {"title", f.title},
            {"kind", std::string(code_of(f.kind))},
            {"organisation_id", text_of(f.organisation_id)},
            {"subject_body_id", text_of(f.subject_body_id)},
            {"planned_month", f.planned_month},
            {"position", std::to_string(f.position)},
            {"meeting_id", text_of(f.meeting_id)},
            {"status", std::string(code_of(f.status))},
            {"carried_from_id", text_of(f.carried_from_id)},
            {"notes", f.notes}};
}

int next_position(db::Connection& db, std::int64_t body_id, const std::string& month) {
    return static_cast<int>(db.query("SELECT COALESCE(MAX(position), 0) + 1 FROM forward_plan_items "
                                     "WHERE body_id = $1 AND planned_month = $2",
                                     {body_id, month})
                                .rows.front()
                                .integer(0));
}

}  // namespace

std::vector<ForwardPlanItem> forward_plan_of(db::Connection& db, std::int64_t body_id, std::string_view first_month,
                                             std::string_view last_month) {
    return items_where(db,
                       "f.body_id = $1 AND f.planned_month >= $2 AND f.planned_month <= $3 "
                       "ORDER BY f.planned_month, f.position, f.id",
                       {body_id, std::string(first_month), std::string(last_month)});
}

std::optional<ForwardPlanItem> find_forward_plan_item(db::Connection& db, std::int64_t id) {
    auto found = items_where(db, "f.id = $1", {id});
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::optional<ForwardPlanItem> find_forward_plan_item_titled(db::Connection& db, std::int64_t body_id,
                                                             std::string_view month, std::string_view title) {
    auto found = items_where(db, "f.body_id = $1 AND f.planned_month = $2 AND f.title_key = $3 ORDER BY f.id LIMIT 1",
                             {body_id, std::string(month), title_key(title)});
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<ForwardPlanItem> forward_plan_items_of_meeting(db::Connection& db, std::int64_t meeting_id) {
    return items_where(db, "f.meeting_id = $1 ORDER BY f.position, f.id", {meeting_id});
}

std::vector<ForwardPlanItem> forward_plan_history(db::Connection& db, std::int64_t id) {
    std::vector<ForwardPlanItem> history;
    std::optional<std::int64_t> next = id;
    // Each item continues an earlier one, so the chain ends; the bound guards a hand-edited loop.
    while (next && history.size() < 1000) {
        auto item = find_forward_plan_item(db, *next);
        if (!item) break;
        next = item->carried_from_id;
        history.push_back(std::move(*item));
    }
    return history;
}

std::int64_t create_forward_plan_item(db::Connection& db, const ForwardPlanItem& item, const audit::Actor& actor) {
    ForwardPlanItem f = item;
    if (f.position < 1) f.position = next_position(db, f.body_id, f.planned_month);
    auto id = db.query(
                    "INSERT INTO forward_plan_items (body_id, title, title_key, kind, organisation_id, "
                    "subject_body_id, planned_month, position, meeting_id, status, carried_from_id, notes) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
                    {f.body_id, f.title, title_key(f.title), std::string(code_of(f.kind)), nullable(f.organisation_id),
                     nullable(f.subject_body_id), f.planned_month, std::int64_t{f.position}, nullable(f.meeting_id),
                     std::string(code_of(f.status)), nullable(f.carried_from_id), f.notes})
                  .rows.front()
                  .integer(0);
    record(db, actor, "create", "forward_plan_item", id, {}, snapshot(f));
    return id;
}

bool update_forward_plan_item(db::Connection& db, const ForwardPlanItem& item, const audit::Actor& actor) {
    auto before = find_forward_plan_item(db, item.id);
    if (!before) return false;
    ForwardPlanItem f = item;
    f.body_id = before->body_id;
    // Moved to another month: it goes last there.
    if (f.planned_month != before->planned_month && f.position == before->position) {
        f.position = next_position(db, f.body_id, f.planned_month);
    }
    return apply_update(db, actor, "forward_plan_item", f.id, snapshot(*before), snapshot(f), [&] {
        db.query(
            "UPDATE forward_plan_items SET title = $2, title_key = $3, kind = $4, organisation_id = $5, "
            "subject_body_id = $6, planned_month = $7, position = $8, meeting_id = $9, status = $10, "
            "carried_from_id = $11, notes = $12, updated_at = $13 WHERE id = $1",
            {f.id, f.title, title_key(f.title), std::string(code_of(f.kind)), nullable(f.organisation_id),
             nullable(f.subject_body_id), f.planned_month, std::int64_t{f.position}, nullable(f.meeting_id),
             std::string(code_of(f.status)), nullable(f.carried_from_id), f.notes, now_utc()});
    });
}

bool remove_forward_plan_item(db::Connection& db, std::int64_t id, const audit::Actor& actor) {
    auto before = find_forward_plan_item(db, id);
    if (!before || before->status != ItemStatus::planned) return false;
    db.query("DELETE FROM forward_plan_items WHERE id = $1", {id});
    record(db, actor, "delete", "forward_plan_item", id, snapshot(*before), {});
    return true;
}

int year_starts_month(db::Connection& db, const register_::Body& body) {
    constexpr int april = 4;
    if (body.partnership_ids.empty()) return april;
    plans::PlanQuery query;
    query.reach.everything = true;
    query.partnership = body.partnership_ids.front();
    query.limit = 1;
    auto latest = plans::list_plans(db, query);
    return latest.empty() ? april : latest.front().year_starts_month;
}

}  // namespace safeboard::meetings
