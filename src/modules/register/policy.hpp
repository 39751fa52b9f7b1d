#pragma once
// Who may see and change which register records. Reading follows the
// partnerships a user's grants reach (an organisation's or a body's grant
// reaches the partnerships it belongs to); a record outside them answers as
// a missing one does. Changing needs register.write over one of the record's
// partnerships — except people, whom an agency lead (people.write granted for
// an organisation) may keep up to date for that organisation only.
#include <optional>

#include "modules/register/model.hpp"
#include "platform/access/principal.hpp"
#include "platform/db/database.hpp"

namespace safeboard::register_ {

access::ScopeFilter readable(db::Connection& db, const access::Principal& user);
access::ScopeFilter writable(const access::Principal& user);

bool may_read(const Organisation& organisation, const access::ScopeFilter& reach);
bool may_read(const Body& body, const access::ScopeFilter& reach);

// One record by id when the user may read it; nullopt when it is missing or
// outside their reach alike, so a caller answers both with the same 404.
std::optional<Partnership> readable_partnership(db::Connection& db, const access::Principal& user,
                                                std::optional<std::int64_t> id);
std::optional<Organisation> readable_organisation(db::Connection& db, const access::Principal& user,
                                                  std::optional<std::int64_t> id);
std::optional<Person> readable_person(db::Connection& db, const access::Principal& user, std::optional<std::int64_t> id);
std::optional<Body> readable_body(db::Connection& db, const access::Principal& user, std::optional<std::int64_t> id);

bool may_edit(const access::Principal& user, const Organisation& organisation);
bool may_edit(const access::Principal& user, const Body& body);
// A person in (or moving to) this organisation; none for someone with no organisation.
bool may_edit_person(db::Connection& db, const access::Principal& user, std::optional<std::int64_t> organisation_id);

}  // namespace safeboard::register_
