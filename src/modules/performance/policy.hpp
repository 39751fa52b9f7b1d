#pragma once
// Who may see and change the performance framework.
//
// The three permissions this module needs:
//   reading   — the returned figures of a partnership, its indicators and analysis;
//   entering  — an organisation's own return, granted for organisation:N (its agency lead);
//   reviewing — querying and accepting the partnership's returns, its settings,
//               indicators, targets and periods, imports, and the partnership's
//               own return, granted for partnership:N (the business unit, admins).
//
// An agency lead enters and submits only its own organisation's return.
// Nobody sees another organisation's draft: a draft is seen only by those
// who enter it. A queried return is seen by those who enter it and those who
// review it. A submitted or accepted return is seen by anyone who reads the
// partnership's figures. Completeness shows where each return stands (its
// status), never a draft's figures. The functions below are pure: the caller
// works out the Reach once (reach_of) and asks of each record.
#include <cstdint>
#include <vector>

#include "modules/performance/model.hpp"
#include "platform/access/principal.hpp"
#include "platform/db/database.hpp"

namespace safeboard::performance {

inline constexpr access::Permission read_permission = access::Permission::performance_read;
inline constexpr access::Permission enter_permission = access::Permission::returns_write;
inline constexpr access::Permission review_permission = access::Permission::performance_write;

struct Reach {
    access::ScopeFilter read;    // partnerships whose returned figures the user reads
    access::ScopeFilter review;  // partnerships whose returns the user reviews
    access::ScopeFilter enter;   // organisations whose own returns the user enters
};

// Reading follows the register's partnership reach (a grant for an
// organisation or a body reaches the partnerships it belongs to); reviewing
// needs a grant for the partnership, entering one for the organisation (or,
// for either, the whole instance).
Reach reach_of(db::Connection& db, const access::Principal& user);
// The same from the partnerships the read grants reach, already worked out.
Reach reach_of(const access::Principal& user, access::ScopeFilter readable_partnerships);

// Enters the return's figures and submits it (its status permitting, which
// is for save.hpp): its organisation's lead, or for the partnership's own
// return its reviewers.
bool may_edit(const Reach& reach, const Return& ret);
// Queries and accepts it (its status permitting).
bool may_review(const Reach& reach, const Return& ret);
bool may_read(const Reach& reach, const Return& ret);
// The returns of a list the user may see, in the same order.
std::vector<Return> visible(const Reach& reach, std::vector<Return> returns);

// The partnership's indicators, periods, completeness and analysis (built
// from submitted and accepted returns only).
bool may_read_figures(const Reach& reach, std::int64_t partnership_id);
// The partnership's settings, indicators, targets, periods and imports.
bool may_manage(const Reach& reach, std::int64_t partnership_id);

}  // namespace safeboard::performance
