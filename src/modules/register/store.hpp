#pragma once
// SQL for the register, and nothing else. Writers record what changed in the
// audit log inside the caller's write transaction; they expect input that
// rules.hpp has already checked.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/register/model.hpp"
#include "platform/access/principal.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/database.hpp"

namespace safeboard::register_ {

// ---- partnerships ----------------------------------------------------------

// Partnerships with id > after that `reach` allows, by id, at most `limit` of them.
std::vector<Partnership> list_partnerships(db::Connection& db, int limit, std::optional<std::int64_t> after,
                                           const access::ScopeFilter& reach);
std::optional<Partnership> find_partnership(db::Connection& db, std::int64_t id);
std::optional<Partnership> find_partnership_by_code(db::Connection& db, std::string_view code);
// Whether a role may be granted in this scope: the partnership, organisation
// or body it names exists. The app hands this to the auth layer.
bool scope_exists(db::Connection& db, const access::Scope& scope);
// Inserts, or renames the one with the same code, recording what changed in
// the audit log (inside the caller's transaction); returns its id.
std::int64_t upsert_partnership(db::Connection& db, const Partnership& partnership, const audit::Actor& actor);

// The partnerships a permission reaches for this principal: a grant for a
// partnership reaches it; a grant for an organisation or a body reaches the
// partnerships that organisation or body belongs to.
access::ScopeFilter partnership_reach(db::Connection& db, const access::Principal& principal,
                                      access::Permission permission);

// ---- lists -----------------------------------------------------------------

// Lists are ordered by name (case-insensitive), then id; a page starts after
// the key of the last row of the previous one.
struct NameKey {
    std::string name_key;
    std::int64_t id = 0;
};
// The key of a row a page ends on; the next page starts after it.
NameKey key_after(std::string_view name, std::int64_t id);
std::string encode_key(const NameKey& key);
std::optional<NameKey> decode_key(std::string_view text);

struct ListQuery {
    access::ScopeFilter reach;               // partnerships the caller may see
    std::optional<std::int64_t> partnership;  // only this one
    std::string text;                        // in the name or short name (or job title)
    std::optional<std::int64_t> organisation;  // people: of this organisation
    std::optional<std::string> sector;       // organisations: this sector code
    std::optional<bool> statutory_partner;   // organisations: in `partnership` (or any)
    std::optional<bool> relevant_agency;
    std::optional<std::string> kind;         // bodies: this kind code
    int limit = 50;
    std::optional<NameKey> after;
};

// Every record a query finds, page after page, up to `cap`.
std::vector<Organisation> all_organisations(db::Connection& db, ListQuery query, std::size_t cap = SIZE_MAX);
std::vector<Person> all_people(db::Connection& db, ListQuery query, std::size_t cap = SIZE_MAX);
std::vector<Body> all_bodies(db::Connection& db, ListQuery query, std::size_t cap = SIZE_MAX);

// ---- organisations ---------------------------------------------------------

std::vector<Organisation> list_organisations(db::Connection& db, const ListQuery& query);
std::optional<Organisation> find_organisation(db::Connection& db, std::int64_t id);
// By name or short name, any case; several when a short name is shared.
std::vector<Organisation> find_organisations_named(db::Connection& db, std::string_view text);
std::int64_t create_organisation(db::Connection& db, const Organisation& organisation, const audit::Actor& actor);
// Changes name, short name, sector, parent and dates; true when anything changed.
bool update_organisation(db::Connection& db, const Organisation& organisation, const audit::Actor& actor);
// Sets what the organisation is to one partnership (flags and lead areas); true when anything changed.
bool set_partner_status(db::Connection& db, std::int64_t organisation_id, const PartnerStatus& status,
                        const audit::Actor& actor);

// ---- people ----------------------------------------------------------------

std::vector<Person> list_people(db::Connection& db, const ListQuery& query);
std::optional<Person> find_person(db::Connection& db, std::int64_t id);
// By name, any case; within one organisation when given.
std::vector<Person> find_people_named(db::Connection& db, std::string_view name,
                                      std::optional<std::int64_t> organisation_id);
std::int64_t create_person(db::Connection& db, const Person& person, const audit::Actor& actor);
bool update_person(db::Connection& db, const Person& person, const audit::Actor& actor);
// People with this e-mail address (any case): who a signed-in user is in the register.
std::vector<std::int64_t> people_with_email(db::Connection& db, std::string_view email);
// Whether a person may be seen through `reach`: their organisation, or a seat they hold, is in it.
bool person_visible(db::Connection& db, std::int64_t person_id, const access::ScopeFilter& reach);

// ---- bodies and relations ---------------------------------------------------

std::vector<Body> list_bodies(db::Connection& db, const ListQuery& query);
std::optional<Body> find_body(db::Connection& db, std::int64_t id);
std::vector<Body> find_bodies_named(db::Connection& db, std::string_view text);
std::int64_t create_body(db::Connection& db, const Body& body, const audit::Actor& actor);
bool update_body(db::Connection& db, const Body& body, const audit::Actor& actor);

// Lines from and to a body, by kind then the other body's name.
std::vector<Relation> relations_of(db::Connection& db, std::int64_t body_id);
// Every line between two bodies of the partnership.
std::vector<Relation> relations_in(db::Connection& db, std::int64_t partnership_id);
// Adds the line unless it exists; true when added.
bool add_relation(db::Connection& db, const Relation& relation, const audit::Actor& actor);
bool remove_relation(db::Connection& db, std::int64_t relation_id, const audit::Actor& actor);
std::optional<Relation> find_relation(db::Connection& db, std::int64_t relation_id);

// ---- memberships -------------------------------------------------------------

// A body's seats, current and past: role order (chair first), then seat title.
std::vector<Membership> memberships_of_body(db::Connection& db, std::int64_t body_id);
std::vector<Membership> memberships_of_person(db::Connection& db, std::int64_t person_id);
std::vector<Membership> memberships_of_organisation(db::Connection& db, std::int64_t organisation_id);
std::optional<Membership> find_membership(db::Connection& db, std::int64_t id);
// Seats like this one: body, seat title, organisation, person and start date
// all equal (a body may have two identical seats), by id.
std::vector<Membership> find_same_seats(db::Connection& db, const Membership& membership);
std::int64_t create_membership(db::Connection& db, const Membership& membership, const audit::Actor& actor);
bool update_membership(db::Connection& db, const Membership& membership, const audit::Actor& actor);

// ---- reports -------------------------------------------------------------------

// Every seat current on `date` on a body of the partnership with no person
// in it: vacant ones (Membership::vacant()) and those held by an organisation
// that has named nobody.
std::vector<Membership> vacancies(db::Connection& db, std::int64_t partnership_id, const std::string& date);
// Every seat current on `date` on a body of the partnership, by organisation
// name then body name (seats with no organisation are left out).
std::vector<Membership> seats_by_organisation(db::Connection& db, std::int64_t partnership_id, const std::string& date);
// Bodies of the partnership, by name.
std::vector<Body> bodies_of(db::Connection& db, std::int64_t partnership_id);
// Organisations that are statutory partners of the partnership, by name.
std::vector<Organisation> statutory_partners(db::Connection& db, std::int64_t partnership_id);

}  // namespace safeboard::register_
