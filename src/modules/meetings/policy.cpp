#include "modules/meetings/policy.hpp"

#include <algorithm>

#include "modules/meetings/store.hpp"
#include "modules/register/store.hpp"

namespace safeboard::meetings {

access::ScopeFilter readable(db::Connection& db, const access::Principal& user) {
    return register_::partnership_reach(db, user, access::Permission::meetings_read);
}

access::ScopeFilter writable(const access::Principal& user) {
    return user.reach(access::Permission::meetings_write, access::ScopeKind::partnership);
}

namespace {

bool any_allowed(const access::ScopeFilter& reach, const register_::Body& body) {
    return std::ranges::any_of(body.partnership_ids, [&](std::int64_t id) { return reach.allows(id); });
}

}  // namespace

std::optional<register_::Body> body_in(db::Connection& db, const access::ScopeFilter& reach,
                                       std::optional<std::int64_t> body_id) {
    auto body = body_id ? register_::find_body(db, *body_id) : std::nullopt;
    if (!body || !any_allowed(reach, *body)) return std::nullopt;
    return body;
}

std::optional<register_::Body> readable_body(db::Connection& db, const access::Principal& user,
                                             std::optional<std::int64_t> body_id) {
    return body_in(db, readable(db, user), body_id);
}

std::optional<Meeting> readable_meeting(db::Connection& db, const access::Principal& user,
                                        std::optional<std::int64_t> id) {
    auto meeting = id ? find_meeting(db, *id) : std::nullopt;
    if (!meeting || !readable_body(db, user, meeting->body_id)) return std::nullopt;
    return meeting;
}

bool may_change(db::Connection& db, const access::Principal& user, const Meeting& meeting) {
    return body_in(db, writable(user), meeting.body_id).has_value();
}

std::optional<register_::Partnership> readable_partnership(db::Connection& db, const access::Principal& user,
                                                           std::optional<std::int64_t> id) {
    auto partnership = id ? register_::find_partnership(db, *id) : std::nullopt;
    if (!partnership || !readable(db, user).allows(partnership->id)) return std::nullopt;
    return partnership;
}

bool may_change_settings(const access::Principal& user, std::int64_t partnership_id) {
    return writable(user).allows(partnership_id);
}

bool sits_on(db::Connection& db, const access::Principal& user, std::int64_t body_id, const std::string& today) {
    for (auto person : register_::people_with_email(db, user.email)) {
        for (const auto& seat : register_::memberships_of_person(db, person)) {
            if (seat.body_id == body_id && seat.current_on(today)) return true;
        }
    }
    return false;
}

namespace {

bool sees_confidential(db::Connection& db, const access::Principal& user, const Meeting& meeting,
                       const std::string& today) {
    return may_change(db, user, meeting) || sits_on(db, user, meeting.body_id, today);
}

}  // namespace

bool may_see(db::Connection& db, const access::Principal& user, const Meeting& meeting, const Paper& paper,
             const std::string& today) {
    return !paper.confidential || sees_confidential(db, user, meeting, today);
}

std::vector<Paper> visible_papers(db::Connection& db, const access::Principal& user, const Meeting& meeting,
                                  const std::string& today) {
    auto papers = papers_of(db, meeting.id);
    bool confidential_too = std::ranges::none_of(papers, &Paper::confidential) ||
                            sees_confidential(db, user, meeting, today);
    if (!confidential_too) std::erase_if(papers, [](const Paper& paper) { return paper.confidential; });
    return papers;
}

}  // namespace safeboard::meetings
