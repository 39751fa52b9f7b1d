#pragma once
// Learning reviews after serious incidents: the case, its decision, the
// statutory steps done, its terms of reference and the agency reports
// (individual management reviews) it commissions. Plain structs; the clock
// is worked out from these by rules.hpp. Dates are YYYY-MM-DD text, as
// stored and as the API writes them.
//
// A case carries no name, date of birth or address of a child: its
// reference is pseudonymous ("Child A / 2008"). Any identifying detail the
// partnership chooses to keep is a sensitive detail (store.hpp), encrypted
// at rest by the Vault and never part of these structs.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace safeboard::reviews {

enum class CaseStatus { open, closed };

// What the partners decided after the rapid review.
enum class DecisionKind { lcspr, no_review, other_learning_review };

struct Decision {
    DecisionKind kind = DecisionKind::lcspr;
    std::int64_t ratified_by = 0;  // a statutory partner (register organisation id)
    std::string ratified_on;       // YYYY-MM-DD
    bool operator==(const Decision&) const = default;
};

// A step of the review process done, with what shows it.
struct StepDone {
    std::string done_on;  // YYYY-MM-DD
    std::string evidence;
    bool operator==(const StepDone&) const = default;
};

// A version of the terms of reference; a change is a new version, which
// needs signing off again.
struct TermsOfReference {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    int version = 1;
    std::string summary;
    std::optional<std::int64_t> signed_off_by;  // register person id (the chair)
    std::optional<std::string> signed_off_on;
    bool signed_off() const { return signed_off_by.has_value() && signed_off_on.has_value(); }
};

// An agency report (IMR) commissioned from an organisation, with the
// senior manager nominated to see it delivered.
struct AgencyReport {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::int64_t organisation_id = 0;
    std::string organisation_name;  // from the register, when read
    std::string due_on;             // YYYY-MM-DD
    std::optional<std::int64_t> senior_manager_id;  // register person id
    std::optional<std::string> received_on;
};

struct Case {
    std::int64_t id = 0;
    std::int64_t partnership_id = 0;
    std::string reference;  // pseudonymous: "Child A / 2008"
    std::string incident_on;
    std::string became_aware_on;  // the day the local authority became aware
    CaseStatus status = CaseStatus::open;
    std::optional<Decision> decision;
    std::vector<std::int64_t> agencies;      // register organisation ids, ascending
    std::map<std::string, StepDone> steps;   // step code -> done
    // The lessons the review drew, in words every member agency can use
    // (the yearly summary of lessons gathers them). No identifying detail.
    std::string learning;
    std::string created_at;
    std::string updated_at;
};

// The levels of an agency at which the learning of a review must be shared.
enum class LearningLevel { practitioner, manager, governance };

// An agency's confirmation that it shared the learning at one level.
struct Confirmation {
    std::int64_t case_id = 0;
    std::int64_t organisation_id = 0;
    std::string organisation_name;  // from the register, when read
    LearningLevel level = LearningLevel::practitioner;
    std::string confirmed_on;  // YYYY-MM-DD
    std::string evidence;
};

// The sign-off of a review's recommendation by the agency it concerns (the
// recommendation itself lives in the plans module's register, with the
// review's reference as its source reference).
struct SignOff {
    std::int64_t recommendation_id = 0;
    std::int64_t case_id = 0;
    std::int64_t signed_off_by = 0;  // register person id, of the agency concerned
    std::string signer_name;         // from the register, when read
    std::string signed_off_on;       // YYYY-MM-DD
};

}  // namespace safeboard::reviews
