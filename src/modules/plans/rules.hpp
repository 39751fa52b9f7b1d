#pragma once
// Turning what someone typed (a form, a JSON body, a CSV row — all seen as
// field → text, with the CSV column names) into plans, actions, progress and
// recommendations, with every problem named by its field. The same rules
// serve the pages, the API and imports.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/plans/model.hpp"
#include "platform/access/principal.hpp"
#include "platform/audit/audit.hpp"
#include "platform/core/error.hpp"
#include "platform/db/database.hpp"
#include "platform/imports/run_import.hpp"

namespace safeboard::plans {

using Fields = std::map<std::string, std::string>;

// The columns of each import, in export order (documented in the README).
const std::vector<std::string>& action_columns();
const std::vector<std::string>& recommendation_columns();

// What a save did (the import counts it).
using Saved = imports::RowSaved;
struct SaveResult {
    std::int64_t id = 0;
    Saved saved = Saved::unchanged;
};

// How a save finds the record it changes: a new one, this id, or the one
// with the same title or number (an import).
struct Target {
    enum class Mode { create, id, by_key } mode = Mode::create;
    std::int64_t id = 0;
};

// Each save checks every field, resolves names in the register (within
// `reach`, the partnerships whose records the user may see: a name outside
// it answers as an unknown one does), and on success writes and audits
// inside the caller's write transaction. On failure nothing is written and
// every field error is returned (ErrorKind::validation).

// A plan: title, starts_on, ends_on, year_starts_month (1–12 or a month name).
Result<SaveResult> save_plan(db::Connection& db, const Fields& fields, std::int64_t partnership_id, Target target,
                             const audit::Actor& actor);
// A priority of a plan: code, title (by_key: the same code).
Result<SaveResult> save_priority(db::Connection& db, const Plan& plan, const Fields& fields, const audit::Actor& actor);
// An objective of a plan: number, title (by_key: the same number).
Result<SaveResult> save_objective(db::Connection& db, const Plan& plan, const Fields& fields,
                                  const audit::Actor& actor);
// An action of a plan, with the columns of actions.csv (by_key: the same
// number). "objective_title" may be left out when the objective exists.
Result<SaveResult> save_plan_action(db::Connection& db, const Plan& plan, const Fields& fields, Target target,
                                    const access::ScopeFilter& reach, const audit::Actor& actor);
// A recommendation, with the recommendation columns of recommendations.csv
// (by_key: the same source reference and number).
Result<SaveResult> save_recommendation(db::Connection& db, const Fields& fields, std::int64_t partnership_id,
                                       Target target, const access::ScopeFilter& reach, const audit::Actor& actor);
// An action of a recommendation: action, number (optional: the next one),
// timescale, target_date, responsibility, operational_lead, senior_lead, status
// (by_key: the same action text).
Result<SaveResult> save_recommendation_action(db::Connection& db, const Recommendation& recommendation,
                                              const Fields& fields, Target target, const access::ScopeFilter& reach,
                                              const audit::Actor& actor);
// An action arising at a meeting (of the meetings module, which has checked
// the meeting and the agenda item), numbered 1, 2, ... within the meeting:
// action, target_date (required), responsibility (required: bodies, people
// or organisations of the register within `reach`, ";" between several),
// status (default not started).
Result<SaveResult> save_meeting_action(db::Connection& db, std::int64_t partnership_id, std::int64_t meeting_id,
                                       std::optional<std::int64_t> agenda_item_id, const Fields& fields,
                                       const access::ScopeFilter& reach, const audit::Actor& actor);

// A progress update: written_on (default today), narrative, rag, status,
// links (one URL per line). `files` are already stored and checked.
struct Author {
    std::int64_t user_id = 0;
    std::string name;
};
Result<SaveResult> save_update(db::Connection& db, const Action& action, const Fields& fields,
                               const std::vector<Evidence>& files, const Author& author, const audit::Actor& actor);
// The yearly review of one action: achievement, issues_for_revised_plan.
Result<SaveResult> save_review(db::Connection& db, const Action& action, const Fields& fields,
                               const audit::Actor& actor);
// Marks a plan's yearly review complete: reviewed_on (default today).
Result<SaveResult> complete_review(db::Connection& db, const Plan& plan, const Fields& fields,
                                   const audit::Actor& actor);
// The next plan from a reviewed one: title, starts_on, ends_on (default: the
// next period of the same length). Priorities and objectives are carried
// over, and every action that is not finished or has issues for the revised
// plan, linked to the one it continues, with the issues as what is required
// and no timescale yet.
Result<SaveResult> roll_forward(db::Connection& db, const Plan& plan, const Fields& fields,
                                const audit::Actor& actor);

// The fields of a record as its import columns (what export writes).
Fields fields_of(const Action& action, const std::vector<Objective>& objectives,
                 const std::vector<Action>& previous_plan_actions);
Fields fields_of(const Recommendation& recommendation, const Action* action);

// "3.2" → "00003.00002": numbers sort as people read them.
std::string sort_key(std::string_view number);

}  // namespace safeboard::plans
