#pragma once
// append() with the time given rather than read from the clock. For tests
// that need entries on known dates, and for bringing in a log kept before;
// application code calls append(), so that `at` is always the real time.
#include <string_view>

#include "platform/audit/model.hpp"
#include "platform/db/database.hpp"

namespace safeboard::audit {

// As append(); also throws std::invalid_argument unless `at` is
// "YYYY-MM-DDTHH:MM:SS.mmmZ".
Recorded append_at(db::Connection& db, std::string_view at, const Actor& actor, const Entry& entry);

}  // namespace safeboard::audit
