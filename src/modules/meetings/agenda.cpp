#include "modules/meetings/agenda.hpp"

#include "modules/meetings/rules.hpp"
#include "modules/meetings/store.hpp"

namespace safeboard::meetings {

std::size_t make_agenda(db::Connection& db, const Meeting& meeting, const audit::Actor& actor) {
    auto plan = forward_plan_of(db, meeting.body_id, meeting.month(), meeting.month());
    auto items = agenda_from_plan(meeting, plan);
    for (const auto& item : items) {
        add_agenda_item(db, item, actor);
        auto planned = find_forward_plan_item(db, *item.forward_plan_item_id);
        planned->status = ItemStatus::on_agenda;
        planned->meeting_id = meeting.id;
        update_forward_plan_item(db, *planned, actor);
    }
    return items.size();
}

Decided decide_forward_plan(db::Connection& db, const Meeting& meeting, const audit::Actor& actor) {
    auto decisions = carry_forward(meeting, agenda_of(db, meeting.id), forward_plan_items_of_meeting(db, meeting.id),
                                   next_meeting(db, meeting));
    auto mark = [&](std::int64_t id, ItemStatus status) {
        auto item = find_forward_plan_item(db, id);
        item->status = status;
        update_forward_plan_item(db, *item, actor);
    };
    for (auto id : decisions.taken) mark(id, ItemStatus::taken);
    for (auto id : decisions.carried) mark(id, ItemStatus::carried);
    for (const auto& item : decisions.continued) create_forward_plan_item(db, item, actor);
    return {decisions.taken.size(), decisions.carried.size()};
}

}  // namespace safeboard::meetings
