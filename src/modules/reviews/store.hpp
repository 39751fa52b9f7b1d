#pragma once
// SQL for learning reviews, and nothing else. Writers record what changed
// in the audit log inside the caller's write transaction and expect input
// that rules.hpp has already checked. Sensitive details are written and
// read only through the Vault: the database holds their ciphertext, the
// audit log only that they were set or read, never their text.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/reviews/model.hpp"
#include "modules/reviews/vault.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/database.hpp"

namespace safeboard::reviews {

// ---- cases ---------------------------------------------------------------------------

// The case with its decision, agencies and steps; its id.
std::int64_t create_case(db::Connection& db, const Case& c, const audit::Actor& actor);
std::optional<Case> find_case(db::Connection& db, std::int64_t id);
std::optional<Case> find_case_by_reference(db::Connection& db, std::int64_t partnership_id,
                                           std::string_view reference);
// The partnerships' cases (open ones only unless `closed_too`), by id.
std::vector<Case> cases_of(db::Connection& db, const std::vector<std::int64_t>& partnership_ids,
                           bool closed_too = false);
// Changes reference, dates, status and decision; true when anything changed.
bool update_case(db::Connection& db, const Case& c, const audit::Actor& actor);
// Records a step done (or changes its date and evidence); true when anything changed.
bool record_step(db::Connection& db, std::int64_t case_id, const std::string& step, const StepDone& done,
                 const audit::Actor& actor);
// Adds an agency involved; true when it was not already.
bool add_agency(db::Connection& db, std::int64_t case_id, std::int64_t organisation_id, const audit::Actor& actor);

// ---- terms of reference -------------------------------------------------------------------

// A new version (the next number), not signed off; its id.
std::int64_t add_terms_of_reference(db::Connection& db, std::int64_t case_id, const std::string& summary,
                                    const audit::Actor& actor);
// Signs off a version; false when unknown or already signed off.
bool sign_off_terms_of_reference(db::Connection& db, std::int64_t id, std::int64_t person_id, const std::string& on,
                                 const audit::Actor& actor);
// Every version, oldest first.
std::vector<TermsOfReference> terms_of_reference_of(db::Connection& db, std::int64_t case_id);

// ---- agency reports ------------------------------------------------------------------------

std::int64_t add_agency_report(db::Connection& db, const AgencyReport& report, const audit::Actor& actor);
// Marks the report received; false when unknown or nothing changed.
bool receive_agency_report(db::Connection& db, std::int64_t id, const std::string& on, const audit::Actor& actor);
// The case's reports by due date, with the organisations' names.
std::vector<AgencyReport> agency_reports_of(db::Connection& db, std::int64_t case_id);
std::optional<AgencyReport> find_agency_report(db::Connection& db, std::int64_t id);

// ---- learning shared and recommendations signed off ---------------------------------------------

// Records (or changes the date and evidence of) an agency's confirmation at
// one level; true when anything changed.
bool record_confirmation(db::Connection& db, const Confirmation& confirmation, const audit::Actor& actor);
// The case's confirmations by organisation name and level.
std::vector<Confirmation> confirmations_of(db::Connection& db, std::int64_t case_id);
// Records the sign-off of a recommendation; false when it was already signed off.
bool record_sign_off(db::Connection& db, const SignOff& sign_off, const audit::Actor& actor);
// The case's sign-offs by recommendation id, with the signers' names.
std::vector<SignOff> sign_offs_of(db::Connection& db, std::int64_t case_id);

// ---- sensitive details -----------------------------------------------------------------------

// Encrypts and keeps one detail of a case (a field such as "child_name");
// the audit entry says it was set, as "[redacted]".
void set_sensitive_detail(db::Connection& db, const Vault& vault, std::int64_t case_id, const std::string& field,
                          std::string_view text, const audit::Actor& actor);
// Decrypts the case's details (field -> text) and audits the read; call
// inside a write transaction, as the audit entry is a write. An error when a
// value does not decrypt (altered, or another key).
Result<std::map<std::string, std::string>> read_sensitive_details(db::Connection& db, const Vault& vault,
                                                                  std::int64_t case_id, const audit::Actor& actor);

}  // namespace safeboard::reviews
