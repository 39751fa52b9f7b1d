#pragma once
// Where an action lives, as lists, pages and reminders name it: its plan,
// its recommendation, or the meeting it arose at. Each home is read once
// however many of its actions a list shows.
#include <cstdint>
#include <map>
#include <string>

#include "modules/plans/model.hpp"
#include "platform/db/database.hpp"

namespace safeboard::plans {

struct Home {
    std::string title;  // "Business Plan 2011–2014", "Recommendation 4 of CYP/12/10", "Meeting action"
    std::string href;   // "/plans/2", "/recommendations/7", "/meetings/12"
};

class Homes {
public:
    explicit Homes(db::Connection& db) : db_(db) {}
    Home of(const Action& action);
    // The partnership's name.
    std::string partnership(std::int64_t id);

private:
    db::Connection& db_;
    std::map<std::int64_t, std::string> plans_;
    std::map<std::int64_t, std::string> recommendations_;
    std::map<std::int64_t, std::string> partnerships_;
};

}  // namespace safeboard::plans
