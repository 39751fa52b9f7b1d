#pragma once
// What someone typed (a form or a JSON body, both seen as field → text) made
// into learning review records, checked against the register and saved. The
// one path for the pages and the API: each save checks every field, names
// every problem by its field (ErrorKind::validation) and on failure writes
// nothing; on success it writes and audits inside the caller's write
// transaction.
//
// Organisations are given by id, name or short name, and must be in the
// case's partnership; people by id or name.
#include <cstdint>
#include <optional>
#include <string>

#include "modules/reviews/model.hpp"
#include "platform/access/principal.hpp"
#include "platform/audit/audit.hpp"
#include "platform/core/error.hpp"
#include "platform/core/fields.hpp"
#include "platform/db/database.hpp"

namespace safeboard::reviews {

// A new case in the partnership (`existing` empty) or a change to one:
// reference, incident_on, became_aware_on, agencies (";" between several),
// status (open or closed), learning. A change keeps what is not given.
Result<std::int64_t> save_case(db::Connection& db, const Fields& fields, std::int64_t partnership_id,
                               const std::optional<Case>& existing, const std::string& today,
                               const audit::Actor& actor);

// The decision after the rapid review: decision (lcspr, no_review,
// other_learning_review), ratified_by (a statutory partner of the
// partnership), ratified_on. Marks the step "decision" done on that day.
Status save_decision(db::Connection& db, const Case& c, const Fields& fields, const std::string& today,
                     const audit::Actor& actor);

// A step done: step (a step of the partnership's clock rules other than
// decision, which save_decision records), done_on, evidence. Recording
// closure closes the case.
Status save_step(db::Connection& db, const Case& c, const Fields& fields, const std::string& today,
                 const audit::Actor& actor);

// An agency report commissioned: organisation (an agency of the case, or of
// the partnership, then added to the case), due_on, senior_manager (a
// person), received_on. Or, with `report_id`, a report marked received:
// received_on.
Result<std::int64_t> save_agency_report(db::Connection& db, const Case& c, const Fields& fields,
                                        std::optional<std::int64_t> report_id, const std::string& today,
                                        const audit::Actor& actor);

// A new version of the terms of reference: summary.
Result<std::int64_t> save_terms_of_reference(db::Connection& db, const Case& c, const Fields& fields,
                                             const audit::Actor& actor);
// Signing off a version: signed_off_by (the person, the chair), signed_off_on.
Status sign_off_terms(db::Connection& db, const Case& c, std::int64_t terms_id, const Fields& fields,
                      const std::string& today, const audit::Actor& actor);

// A recommendation of the review, into the plans module's recommendations
// register (source case_review, the case's reference as source reference):
// the register's recommendation columns (number, recommendation, owner,
// response, acceptance, resource_implications, and an action with its
// target_date, responsibility, operational_lead and senior_lead).
Result<std::int64_t> save_recommendation(db::Connection& db, const Case& c, const Fields& fields,
                                         const access::ScopeFilter& reach, const audit::Actor& actor);
// The agency concerned signs a recommendation of the review off:
// signed_off_by (a person of the organisation that owns it, when an
// organisation owns it), signed_off_on.
Status sign_off_recommendation(db::Connection& db, const Case& c, std::int64_t recommendation_id,
                               const Fields& fields, const std::string& today, const audit::Actor& actor);

// An agency's confirmation that it shared the learning: organisation (an
// agency of the case), level (practitioner, manager, governance),
// confirmed_on, evidence.
Status save_confirmation(db::Connection& db, const Case& c, const Fields& fields, const std::string& today,
                         const audit::Actor& actor);

}  // namespace safeboard::reviews
