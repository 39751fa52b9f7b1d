#pragma once
// Turning what someone typed (a form, a JSON body, a CSV row — all seen as
// field → text, with the CSV column names) into register records, with every
// problem named by its field. The same rules serve the pages, the API and
// imports, so a record is checked the same way however it arrives.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/register/model.hpp"
#include "platform/access/principal.hpp"
#include "platform/audit/audit.hpp"
#include "platform/core/error.hpp"
#include "platform/core/fields.hpp"
#include "platform/db/database.hpp"

namespace safeboard::register_ {


// The columns of each import, in export order (documented in the README).
const std::vector<std::string>& organisation_columns();
const std::vector<std::string>& person_columns();
const std::vector<std::string>& body_columns();
const std::vector<std::string>& membership_columns();

// The outcome of saving one record.
enum class Saved { created, updated, unchanged };
struct SaveResult {
    std::int64_t id = 0;
    Saved saved = Saved::unchanged;
};

// How a save finds the record it changes: a new one (fails if the name is
// taken), this id, or the one with the same name (an import).
struct Target {
    enum class Mode { create, id, by_name } mode = Mode::create;
    std::int64_t id = 0;
    // by_name, for seats: this is the n-th identical seat in the file (from 0),
    // so two identical seats on one body stay two.
    std::size_t occurrence = 0;
};

// Each save checks every field, resolves names (parent, organisation, body,
// person) in the register, and on success writes and audits inside the
// caller's write transaction. On failure nothing is written and every field
// error is returned (ErrorKind::validation).
//
// Organisations: the flags and lead areas are for `partnership_id`.
// `defined_later` says whether a parent not yet in the register is defined
// further down the same file; such a parent is left for a second pass.
using DefinedLater = std::function<bool(const std::string& name)>;
Result<SaveResult> save_organisation(db::Connection& db, const Fields& fields, std::int64_t partnership_id,
                                     Target target, const audit::Actor& actor, const DefinedLater& defined_later = {});
// Sets the parent named in `fields` (second pass of an import).
Result<SaveResult> save_organisation_parent(db::Connection& db, std::int64_t id, const Fields& fields,
                                            const audit::Actor& actor);
Result<SaveResult> save_person(db::Connection& db, const Fields& fields, Target target, const audit::Actor& actor);
// Bodies: `partnership_id` is always among the body's partnerships. Relation
// columns are applied by save_body_relations (a second pass in imports).
Result<SaveResult> save_body(db::Connection& db, const Fields& fields, std::int64_t partnership_id, Target target,
                             const audit::Actor& actor);
// `reach` below is the partnerships whose records the user may see: a line
// may go only to a body, and a seat be given only to an organisation or a
// person, within it (one outside answers as a missing one does).
//
// Adds the lines named in reports_to, scrutinises, escalates_to, links_with
// (lines are added, never removed, by this).
Result<SaveResult> save_body_relations(db::Connection& db, std::int64_t body_id, const Fields& fields,
                                       const access::ScopeFilter& reach, const audit::Actor& actor);
// Adds one line from a page: "kind" and "other" (the other body's id).
Result<SaveResult> save_body_line(db::Connection& db, std::int64_t body_id, const Fields& fields,
                                  const access::ScopeFilter& reach, const audit::Actor& actor);
// Memberships: the body must belong to `partnership_id`. by_name matches the
// same seat (body, seat title, organisation, person, start). A page names the
// organisation and person it offered by id ("organisation_id", "person_id"),
// so the one chosen is the one seated; files and the API name them.
Result<SaveResult> save_membership(db::Connection& db, const Fields& fields, std::int64_t partnership_id,
                                   Target target, const access::ScopeFilter& reach, const audit::Actor& actor);
// Ends a seat on a day (YYYY-MM-DD text in fields["ends_on"]); the row stays
// as history.
Result<SaveResult> end_membership(db::Connection& db, std::int64_t id, const Fields& fields, const audit::Actor& actor);

// The fields of a record as its import columns (what export writes).
Fields fields_of(const Organisation& organisation, std::int64_t partnership_id);
Fields fields_of(const Person& person);
Fields fields_of(const Body& body, const std::vector<Relation>& relations, std::int64_t partnership_id,
                 const std::vector<Partnership>& partnerships);
Fields fields_of(const Membership& membership);

}  // namespace safeboard::register_
