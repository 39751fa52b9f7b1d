#pragma once
// Business plans and the recommendations register, on one action engine.
// Plain structs; the closed lists' codes and words are in vocabulary.hpp,
// timescales in timescale.hpp, and the rules about progress in progress.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/plans/timescale.hpp"

namespace safeboard::plans {

enum class Status { not_started, on_track, at_risk, off_track, complete, superseded };
enum class Rag { red, amber, green };
enum class Source { case_review, audit, scrutiny_committee, inspection, peer_review, external_review, other };
enum class Acceptance { accepted, accepted_in_part, not_accepted, not_for_this_partnership };
enum class PartyKind { body, person, organisation };

// Finished with: complete or superseded. Nothing finished falls due.
inline bool finished(Status status) { return status == Status::complete || status == Status::superseded; }

struct Plan {
    std::int64_t id = 0;
    std::int64_t partnership_id = 0;
    std::string title;
    std::string starts_on;  // YYYY-MM-DD
    std::string ends_on;
    int year_starts_month = 4;  // the reporting year's first month: Southend's runs October (10) to September
    std::optional<std::int64_t> previous_plan_id;  // the plan this one was rolled forward from
    std::string previous_plan_title;               // filled when read
    std::optional<std::string> reviewed_on;        // the yearly review was completed
};

struct Priority {
    std::int64_t id = 0;
    std::int64_t plan_id = 0;
    std::string code;  // "A"
    std::string title;
};

struct Objective {
    std::int64_t id = 0;
    std::int64_t plan_id = 0;
    int number = 0;
    std::string title;
    std::optional<std::int64_t> carried_from_id;  // the previous plan's objective it continues
};

// A body, person or organisation of the register named as responsible for
// an action or owning a recommendation.
struct Party {
    PartyKind kind = PartyKind::body;
    std::int64_t id = 0;
    std::string name;  // filled when read
    bool operator==(const Party& other) const { return kind == other.kind && id == other.id; }
};

struct Action {
    std::int64_t id = 0;
    std::int64_t partnership_id = 0;
    // Home: an objective of a plan, a recommendation, or a meeting (an
    // action arising, perhaps from one item of its agenda). The meeting's
    // ids are the meetings module's; plans only keeps them.
    std::optional<std::int64_t> plan_id;
    std::optional<std::int64_t> objective_id;
    std::optional<std::int64_t> recommendation_id;
    std::optional<std::int64_t> meeting_id;
    std::optional<std::int64_t> agenda_item_id;
    std::string number;  // "3.2" in a plan; "1", "2" under a recommendation or within a meeting
    std::string title;   // the action
    std::string required;  // actions required
    std::string outcome;   // outcome measurement
    Timescale timescale;
    std::optional<std::string> target_date;  // an explicit date (recommendations' actions)
    std::string responsibility;  // the wording, as the source has it
    std::vector<Party> responsible;
    std::vector<std::string> priorities;  // codes of the plan's priorities
    Status status = Status::not_started;
    std::optional<Rag> rag;  // the latest update's
    std::optional<std::int64_t> operational_lead_id;
    std::string operational_lead_name;
    std::optional<std::int64_t> senior_lead_id;
    std::string senior_lead_name;
    std::string achievement;              // the yearly review
    std::string issues_for_revised_plan;  // the yearly review
    std::optional<std::int64_t> carried_from_id;  // the previous plan's action it continues
    std::string updated_at;
};

struct Evidence {
    std::int64_t id = 0;
    std::string url;           // a link, or
    std::string file_sha256;   // a stored file
    std::string filename;
    std::string content_type;
    std::int64_t size = 0;
};

struct Update {
    std::int64_t id = 0;
    std::int64_t action_id = 0;
    std::string written_on;  // YYYY-MM-DD
    std::int64_t author_user_id = 0;
    std::string author_name;
    std::string narrative;
    Rag rag = Rag::green;
    Status status = Status::on_track;  // the action's status after this update
    std::vector<Evidence> evidence;
    std::string created_at;
};

struct Recommendation {
    std::int64_t id = 0;
    std::int64_t partnership_id = 0;
    Source source = Source::other;
    std::string source_reference;  // "CYP/12/10", "SCR Child A / 2008"
    std::string source_title;
    std::optional<std::string> source_date;
    std::string number;  // "1", "SCR 4"
    std::string text;
    std::string owner_wording;  // as the source has it: "PAUL FALLON."
    std::optional<Party> owner;
    std::string response;
    std::optional<Acceptance> acceptance;
    std::string acceptance_reasons;
    std::string resource_implications;
    Status status = Status::not_started;  // rolled up from its actions when read
};

}  // namespace safeboard::plans
