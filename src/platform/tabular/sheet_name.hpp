#pragma once
// Excel's rules for worksheet names, applied to names taken from data.
#include <string>
#include <vector>

namespace safeboard::tabular {

// One valid, distinct name per wanted name, in order: at most 31 characters
// (UTF-16 units, as Excel counts), "[" and "]" become "(" and ")", "/", "\"
// and ":" become "-", "*" and "?" are dropped, control characters become
// spaces, no space or apostrophe at either end, "Sheet N" (N from 1) for a
// name left empty, and " (2)", " (3)" ... added to a name already used
// (ignoring case) or to "History", which Excel keeps for itself.
std::vector<std::string> sheet_names(const std::vector<std::string>& wanted);

}  // namespace safeboard::tabular
