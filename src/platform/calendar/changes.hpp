#pragma once
// The one-off changes to the bank holidays, kept as data so that a new
// proclamation is a new row in bank_holiday_changes.csv, never new code:
//
//   date,change,replaces,name,source
//   2020-05-08,move,2020-05-04,Early May bank holiday (VE day),<the proclamation>
//   2023-05-08,add,,Bank holiday for the coronation of King Charles III,<...>
//
// "add" makes `date` an extra bank holiday; "move" makes `date` a bank
// holiday in place of `replaces`, a date the rules give in the same year,
// which is then not one. Every row names its source.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "platform/calendar/rules.hpp"
#include "platform/core/error.hpp"

namespace safeboard::calendar {

enum class Change { add, move };

struct HolidayChange {
    std::size_t line = 0;  // in the file, for messages
    Date date{};
    Change change = Change::add;
    std::optional<Date> replaces;  // a move's rule date
    std::string name;
    std::string source;  // the proclamation or publication the row rests on
};

// Reads and checks the changes file: the columns above, real dates, a known
// change, a move replacing a date that is a bank holiday by rule in its
// year, an add not on a day that already is one, no day given twice, a name
// and a source. Errors (ErrorKind::validation) name every bad line, each
// also as a field "line N" with its message.
Result<std::vector<HolidayChange>> read_changes(std::string_view csv);

// The changes compiled into the binary, read once. A bad row there is a
// defect of the build (a test reads the file), so it throws std::logic_error.
const std::vector<HolidayChange>& proclaimed_changes();

// The year's holidays by rule with that year's changes applied, in date order.
std::vector<BankHoliday> apply_changes(int year, std::vector<BankHoliday> by_rule,
                                       std::span<const HolidayChange> changes);

}  // namespace safeboard::calendar
