#include <algorithm>

#include "modules/plans/store_support.hpp"
#include "modules/register/store.hpp"

namespace safeboard::plans {

using namespace detail;

namespace {

constexpr const char* reminder_select =
    "SELECT r.id, r.run_on, r.person_id, p.name, p.email, r.action_id, r.kind, r.due_on, r.emailed_at "
    "FROM reminders r JOIN people p ON p.id = r.person_id ";

Reminder reminder_from(const db::Row& row) {
    return {row.integer(0), row.text(1), row.integer(2), row.text(3),         row.text(4),
            row.integer(5), row.text(6), row.text(7),    row.optional_text(8)};
}

std::vector<Reminder> reminders(db::Connection& db, const std::string& sql, const std::vector<db::Value>& params) {
    std::vector<Reminder> found;
    for (const auto& row : db.query(sql, params).rows) found.push_back(reminder_from(row));
    return found;
}

}  // namespace

// ON CONFLICT rather than a look first: two runs at once on PostgreSQL would
// both find nothing and the second insert would fail.
bool record_reminder(db::Connection& db, const Reminder& r) {
    auto inserted = db.query("INSERT INTO reminders (run_on, person_id, action_id, kind, due_on) "
                             "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (run_on, person_id, action_id) DO NOTHING "
                             "RETURNING id",
                             {r.run_on, r.person_id, r.action_id, r.kind, r.due_on});
    return !inserted.empty();
}

bool mark_emailed(db::Connection& db, std::int64_t reminder_id, const std::string& at) {
    auto marked = db.query("UPDATE reminders SET emailed_at = $2 WHERE id = $1 AND emailed_at IS NULL RETURNING id",
                           {reminder_id, at});
    return !marked.empty();
}

void clear_emailed(db::Connection& db, std::int64_t reminder_id, const std::string& at) {
    db.query("UPDATE reminders SET emailed_at = NULL WHERE id = $1 AND emailed_at = $2", {reminder_id, at});
}

std::vector<Reminder> reminders_on(db::Connection& db, const std::string& run_on) {
    return reminders(db, std::string(reminder_select) + "WHERE r.run_on = $1 ORDER BY p.name, r.person_id, r.due_on, r.id",
                     {run_on});
}

// The latest run of all, not each person's latest: someone whose actions were
// all finished since must not go on seeing an old run's list.
std::vector<Reminder> latest_reminders_for(db::Connection& db, const std::vector<std::int64_t>& person_ids) {
    if (person_ids.empty()) return {};
    std::vector<db::Value> params;
    auto people = bind_list(params, person_ids);
    return reminders(db,
                     std::string(reminder_select) + "WHERE r.person_id IN (" + people +
                         ") AND r.run_on = (SELECT MAX(run_on) FROM reminders) ORDER BY r.due_on, r.id",
                     params);
}

std::vector<std::int64_t> people_to_remind(db::Connection& db, const Action& action, const std::string& date) {
    return PeopleToRemind(db, date).of(action);
}

const std::vector<std::int64_t>& PeopleToRemind::chairs_of(std::int64_t body_id) {
    auto [it, added] = chairs_.try_emplace(body_id);
    if (!added) return it->second;
    for (const auto& seat : register_::memberships_of_body(db_, body_id)) {
        bool chairs = seat.role == register_::SeatRole::chair || seat.role == register_::SeatRole::vice_chair;
        if (chairs && seat.person_id && seat.current_on(date_)) it->second.push_back(*seat.person_id);
    }
    return it->second;
}

std::vector<std::int64_t> PeopleToRemind::of(const Action& action) {
    std::vector<std::int64_t> people;
    for (const auto& party : action.responsible) {
        if (party.kind == PartyKind::person) people.push_back(party.id);
    }
    if (action.operational_lead_id) people.push_back(*action.operational_lead_id);
    if (action.senior_lead_id) people.push_back(*action.senior_lead_id);
    for (const auto& party : action.responsible) {
        if (party.kind != PartyKind::body) continue;
        const auto& chairs = chairs_of(party.id);
        people.insert(people.end(), chairs.begin(), chairs.end());
    }
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    return people;
}

}  // namespace safeboard::plans
