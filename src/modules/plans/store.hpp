#pragma once
// SQL for plans, actions, progress and recommendations, and nothing else.
// Writers record what changed in the audit log inside the caller's write
// transaction; they expect input that rules.hpp has already checked.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/plans/model.hpp"
#include "platform/access/principal.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/database.hpp"

namespace safeboard::plans {

// ---- plans, priorities, objectives --------------------------------------------

// Plans of the partnerships `reach` allows (or of one), newest period first,
// then id; a page starts after the plan with id `after` in that order.
struct PlanQuery {
    access::ScopeFilter reach;
    std::optional<std::int64_t> partnership;
    int limit = 50;
    std::optional<std::int64_t> after;
};
std::vector<Plan> list_plans(db::Connection& db, const PlanQuery& query);
std::optional<Plan> find_plan(db::Connection& db, std::int64_t id);
std::optional<Plan> find_plan_titled(db::Connection& db, std::int64_t partnership_id, std::string_view title);
std::int64_t create_plan(db::Connection& db, const Plan& plan, const audit::Actor& actor);
bool update_plan(db::Connection& db, const Plan& plan, const audit::Actor& actor);

std::vector<Priority> priorities_of(db::Connection& db, std::int64_t plan_id);
// Adds the priority, or changes the title of the one with its code; its id.
std::int64_t save_priority(db::Connection& db, const Priority& priority, const audit::Actor& actor);

std::vector<Objective> objectives_of(db::Connection& db, std::int64_t plan_id);
std::optional<Objective> find_objective(db::Connection& db, std::int64_t id);
std::optional<Objective> find_objective_numbered(db::Connection& db, std::int64_t plan_id, int number);
// Adds the objective, or changes the title of the one with its number; its id.
std::int64_t save_objective(db::Connection& db, const Objective& objective, const audit::Actor& actor);

// ---- actions -------------------------------------------------------------------

// Actions in number order within their plan, recommendation or meeting. Filters
// combine; a page starts after (sort key, id) of the last row.
struct ActionKey {
    std::string sort_key;
    std::int64_t id = 0;
};
struct ActionQuery {
    access::ScopeFilter reach;  // partnerships
    std::optional<std::int64_t> partnership;
    std::optional<std::int64_t> plan;
    std::optional<std::int64_t> objective;
    std::optional<std::int64_t> recommendation;
    std::optional<std::int64_t> meeting;  // the actions arising at a meeting
    bool plans_only = false;            // only actions of plans (not of recommendations)
    std::optional<Party> responsible;   // a body, person or organisation named responsible (a person also as a lead)
    std::optional<Status> status;
    std::optional<std::string> priority;  // a priority code of the plan
    std::optional<std::string> overdue_on;  // not finished, and due before this day
    std::optional<std::string> due_by;      // not finished, and due on or before this day
    int limit = 50;
    std::optional<ActionKey> after;
};
std::vector<Action> list_actions(db::Connection& db, const ActionQuery& query);
// Every action a query finds, page after page, up to `cap`.
std::vector<Action> all_actions(db::Connection& db, ActionQuery query, std::size_t cap = SIZE_MAX);
ActionKey key_of(const Action& action);
// "id:sort key", the text a page cursor carries (the API encodes it).
std::string encode_action_key(const ActionKey& key);
std::optional<ActionKey> decode_action_key(std::string_view text);

std::optional<Action> find_action(db::Connection& db, std::int64_t id);
// The action with this number in a plan, or under a recommendation (not a meeting's: see ActionQuery::meeting).
std::optional<Action> find_action_numbered(db::Connection& db, std::optional<std::int64_t> plan_id,
                                           std::optional<std::int64_t> recommendation_id, std::string_view number);
// Writes the action with its timescale entries, responsible parties and
// priority links (matched by code in its plan).
std::int64_t create_action(db::Connection& db, const Action& action, const audit::Actor& actor);
bool update_action(db::Connection& db, const Action& action, const audit::Actor& actor);
// The organisations whose agency leads may report on the action: those named
// responsible or owning its recommendation, and those of the people named
// responsible, leading it or owning its recommendation.
std::vector<std::int64_t> owning_organisations(db::Connection& db, const Action& action);
// The bodies named responsible for it, or owning its recommendation.
std::vector<std::int64_t> owning_bodies(db::Connection& db, const Action& action);

// ---- progress ------------------------------------------------------------------

// Adds the update with its evidence and sets the action's status and RAG to
// the update's (when it is the latest by date); its id.
std::int64_t add_update(db::Connection& db, const Update& update, const audit::Actor& actor);
// Newest first.
std::vector<Update> updates_of(db::Connection& db, std::int64_t action_id);
std::optional<Update> find_update(db::Connection& db, std::int64_t id);
// The latest update of each of these actions that has one (by date, then
// the later recorded), without its evidence: what a progress report shows.
std::map<std::int64_t, Update> latest_updates(db::Connection& db, const std::vector<std::int64_t>& action_ids);
// The evidence row that holds this stored file for this action (downloads check it).
std::optional<Evidence> find_evidence(db::Connection& db, std::int64_t action_id, std::int64_t evidence_id);

// ---- recommendations -------------------------------------------------------------

struct RecommendationQuery {
    access::ScopeFilter reach;
    std::optional<std::int64_t> partnership;
    std::optional<Source> source;
    std::optional<Party> owner;
    std::optional<Status> status;  // the rolled-up status
    int limit = 50;
    std::optional<std::int64_t> after;  // id
};
// In the order they were recorded (which keeps a source's numbers together); status rolled up.
std::vector<Recommendation> list_recommendations(db::Connection& db, const RecommendationQuery& query);
std::optional<Recommendation> find_recommendation(db::Connection& db, std::int64_t id);
std::optional<Recommendation> find_recommendation_numbered(db::Connection& db, std::int64_t partnership_id,
                                                           std::string_view source_reference, std::string_view number);
// One source's recommendations (a review's: case_review and its reference), in number order.
std::vector<Recommendation> recommendations_from(db::Connection& db, std::int64_t partnership_id, Source source,
                                                 std::string_view source_reference);
std::int64_t create_recommendation(db::Connection& db, const Recommendation& recommendation,
                                   const audit::Actor& actor);
bool update_recommendation(db::Connection& db, const Recommendation& recommendation, const audit::Actor& actor);

// ---- reminders -------------------------------------------------------------------

struct Reminder {
    std::int64_t id = 0;
    std::string run_on;
    std::int64_t person_id = 0;
    std::string person_name;
    std::string person_email;
    std::int64_t action_id = 0;
    std::string kind;  // "due" or "overdue"
    std::string due_on;
    std::optional<std::string> emailed_at;
};
// Records the reminder unless the person already has one for the action that
// day; true when recorded. Safe when two runs record the same day at once.
bool record_reminder(db::Connection& db, const Reminder& reminder);
// Marks the reminder e-mailed at `at` unless it already is; true when this
// call marked it. A run marks before it sends, so that two runs at once
// (two servers, or the daily job and `safeboard remind`) never both send it.
bool mark_emailed(db::Connection& db, std::int64_t reminder_id, const std::string& at);
// Undoes mark_emailed(at) when the e-mail could not be sent, so a later run sends it.
void clear_emailed(db::Connection& db, std::int64_t reminder_id, const std::string& at);
// The reminders of a run, by person then due date.
std::vector<Reminder> reminders_on(db::Connection& db, const std::string& run_on);
// These people's reminders from the latest run (a user's in-app list): empty
// when that run found nothing for them, whatever earlier runs said.
std::vector<Reminder> latest_reminders_for(db::Connection& db, const std::vector<std::int64_t>& person_ids);
// The people a reminder about the action goes to: people named responsible,
// its leads, and the current chair and vice-chair of each body named
// responsible (on `date`).
std::vector<std::int64_t> people_to_remind(db::Connection& db, const Action& action, const std::string& date);
// people_to_remind for many actions on one day, reading each body's seats once.
class PeopleToRemind {
public:
    PeopleToRemind(db::Connection& db, std::string date) : db_(db), date_(std::move(date)) {}
    std::vector<std::int64_t> of(const Action& action);

private:
    const std::vector<std::int64_t>& chairs_of(std::int64_t body_id);
    db::Connection& db_;
    std::string date_;
    std::map<std::int64_t, std::vector<std::int64_t>> chairs_;
};

}  // namespace safeboard::plans
