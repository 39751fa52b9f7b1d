// A meeting's agenda: ordered items, moved and removed with the rest renumbered.
#include <algorithm>

#include "modules/meetings/store_support.hpp"
#include "modules/meetings/vocabulary.hpp"

namespace safeboard::meetings {

using namespace detail;

namespace {

constexpr const char* agenda_select =
    "SELECT id, meeting_id, position, title, type, presenter_person_id, presenter, link_kind, link_id, "
    "forward_plan_item_id, decision, taken FROM agenda_items ";

AgendaItem item_from(const db::Row& row) {
    AgendaItem a;
    a.id = row.integer(0);
    a.meeting_id = row.integer(1);
    a.position = static_cast<int>(row.integer(2));
    a.title = row.text(3);
    a.type = parse_term<AgendaType>(row.text(4)).value_or(AgendaType::information);
    a.presenter_person_id = row.optional_integer(5);
    a.presenter = row.text(6);
    a.link_kind = parse_term<LinkKind>(row.text(7)).value_or(LinkKind::none);
    a.link_id = row.optional_integer(8);
    a.forward_plan_item_id = row.optional_integer(9);
    a.decision = row.text(10);
    a.taken = row.boolean(11);
    return a;
}

Snapshot snapshot(const AgendaItem& a) {
    return {{"meeting_id", std::to_string(a.meeting_id)},
            {"position", std::to_string(a.position)},
            {"title", a.title},
            {"type", std::string(code_of(a.type))},
            {"presenter_person_id", text_of(a.presenter_person_id)},
            {"presenter", a.presenter},
            {"link_kind", std::string(code_of(a.link_kind))},
            {"link_id", text_of(a.link_id)},
            {"forward_plan_item_id", text_of(a.forward_plan_item_id)},
            {"decision", a.decision},
            {"taken", yes_no(a.taken)}};
}

db::Value flag(bool value) { return std::int64_t{value ? 1 : 0}; }

// Numbers the items 1, 2, ... in this order, writing only those that moved.
void renumber(db::Connection& db, const std::vector<AgendaItem>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto position = static_cast<std::int64_t>(i + 1);
        if (items[i].position == position) continue;
        db.query("UPDATE agenda_items SET position = $2, updated_at = $3 WHERE id = $1",
                 {items[i].id, position, now_utc()});
    }
}

}  // namespace

std::vector<AgendaItem> agenda_of(db::Connection& db, std::int64_t meeting_id) {
    std::vector<AgendaItem> items;
    for (const auto& row :
         db.query(std::string(agenda_select) + "WHERE meeting_id = $1 ORDER BY position, id", {meeting_id}).rows) {
        items.push_back(item_from(row));
    }
    return items;
}

std::optional<AgendaItem> find_agenda_item(db::Connection& db, std::int64_t id) {
    auto result = db.query(std::string(agenda_select) + "WHERE id = $1", {id});
    if (result.empty()) return std::nullopt;
    return item_from(result.rows.front());
}

std::int64_t add_agenda_item(db::Connection& db, const AgendaItem& item, const audit::Actor& actor) {
    AgendaItem a = item;
    a.position = static_cast<int>(
        db.query("SELECT COALESCE(MAX(position), 0) + 1 FROM agenda_items WHERE meeting_id = $1", {a.meeting_id})
            .rows.front()
            .integer(0));
    auto id = db.query(
                    "INSERT INTO agenda_items (meeting_id, position, title, type, presenter_person_id, presenter, "
                    "link_kind, link_id, forward_plan_item_id, decision, taken) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
                    {a.meeting_id, std::int64_t{a.position}, a.title, std::string(code_of(a.type)),
                     nullable(a.presenter_person_id), a.presenter, std::string(code_of(a.link_kind)),
                     nullable(a.link_id), nullable(a.forward_plan_item_id), a.decision, flag(a.taken)})
                  .rows.front()
                  .integer(0);
    record(db, actor, "create", "agenda_item", id, {}, snapshot(a));
    return id;
}

bool update_agenda_item(db::Connection& db, const AgendaItem& item, const audit::Actor& actor) {
    auto before = find_agenda_item(db, item.id);
    if (!before) return false;
    AgendaItem a = item;
    a.meeting_id = before->meeting_id;
    a.position = before->position;
    return apply_update(db, actor, "agenda_item", a.id, snapshot(*before), snapshot(a), [&] {
        db.query(
            "UPDATE agenda_items SET title = $2, type = $3, presenter_person_id = $4, presenter = $5, "
            "link_kind = $6, link_id = $7, forward_plan_item_id = $8, decision = $9, taken = $10, "
            "updated_at = $11 WHERE id = $1",
            {a.id, a.title, std::string(code_of(a.type)), nullable(a.presenter_person_id), a.presenter,
             std::string(code_of(a.link_kind)), nullable(a.link_id), nullable(a.forward_plan_item_id), a.decision,
             flag(a.taken), now_utc()});
    });
}

bool move_agenda_item(db::Connection& db, std::int64_t id, int position, const audit::Actor& actor) {
    auto item = find_agenda_item(db, id);
    if (!item) return false;
    auto items = agenda_of(db, item->meeting_id);
    auto at = std::find_if(items.begin(), items.end(), [&](const AgendaItem& a) { return a.id == id; });
    auto moved = *at;
    items.erase(at);
    auto index = static_cast<std::size_t>(std::clamp(position, 1, static_cast<int>(items.size()) + 1) - 1);
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(index), moved);
    auto after = static_cast<int>(index) + 1;
    if (after == moved.position) return false;
    renumber(db, items);
    record(db, actor, "update", "agenda_item", id, {{"position", std::to_string(moved.position)}},
           {{"position", std::to_string(after)}});
    return true;
}

bool remove_agenda_item(db::Connection& db, std::int64_t id, const audit::Actor& actor) {
    auto item = find_agenda_item(db, id);
    if (!item) return false;
    db.query("UPDATE papers SET agenda_item_id = NULL WHERE agenda_item_id = $1", {id});
    auto planned = item->forward_plan_item_id ? find_forward_plan_item(db, *item->forward_plan_item_id) : std::nullopt;
    if (planned && planned->status == ItemStatus::on_agenda && planned->meeting_id == item->meeting_id) {
        planned->status = ItemStatus::planned;
        planned->meeting_id.reset();
        update_forward_plan_item(db, *planned, actor);
    }
    db.query("DELETE FROM agenda_items WHERE id = $1", {id});
    auto rest = agenda_of(db, item->meeting_id);
    renumber(db, rest);
    record(db, actor, "delete", "agenda_item", id, snapshot(*item), {});
    return true;
}

}  // namespace safeboard::meetings
