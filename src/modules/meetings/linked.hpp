#pragma once
// What the meetings module reads of the register and the plans for one
// body: the organisations, bodies and people its forms, API and imports may
// name (the rules' choices), the records an agenda item may link to, and the
// actions that arose from an agenda item.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/meetings/model.hpp"
#include "modules/meetings/rules.hpp"
#include "platform/db/database.hpp"

namespace safeboard::meetings {

// The register's records of the body's partnerships, as the rules take them.
std::vector<Choice> organisation_choices(db::Connection& db, const register_::Body& body);
std::vector<Choice> body_choices(db::Connection& db, const register_::Body& body);
std::vector<Choice> people_choices(db::Connection& db, const register_::Body& body);

// The rules' checks with the body's choices: forward_plan_item_from, and
// agenda_item_from with its linked record checked (link_problem).
Result<ForwardPlanItem> forward_plan_item_checked(db::Connection& db, const register_::Body& body,
                                                  const Fields& fields, const ForwardPlanItem& base);
Result<AgendaItem> agenda_item_checked(db::Connection& db, const register_::Body& body, const Fields& fields,
                                       const AgendaItem& base);

// What is wrong with an agenda item's linked record, named on the field
// "link": it must exist and belong to one of the body's partnerships, or
// naming it would tell of a record the meeting's readers may not see.
std::optional<FieldError> link_problem(db::Connection& db, const register_::Body& body, const AgendaItem& item);

// A record a form offers to link an agenda item to.
struct LinkOption {
    LinkKind kind = LinkKind::none;
    std::int64_t id = 0;
    std::string label;  // "Business plan: Southend LSCB Business Plan 2011-2014"
};
// The business plans, recommendations and agencies of the body's
// partnerships, and the item's own link when it is another kind (an action).
std::vector<LinkOption> link_options(db::Connection& db, const register_::Body& body, const AgendaItem& item);

// The actions recorded as arising from the agenda item.
std::size_t actions_arising_from(db::Connection& db, const AgendaItem& item);

}  // namespace safeboard::meetings
