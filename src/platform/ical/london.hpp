#pragma once
// Europe/London written out: GMT in winter, BST from 01:00 UTC on the last
// Sunday of March to 01:00 UTC on the last Sunday of October (the rule since
// 1996), so neither we nor a calendar program needs a zoneinfo database.
#include "platform/ical/handles.hpp"

namespace safeboard::ical {

inline constexpr const char* kLondon = "Europe/London";

// A new VTIMEZONE component for Europe/London.
Component london_vtimezone();
// The same zone for libical's conversions.
Zone london_zone();

}  // namespace safeboard::ical
