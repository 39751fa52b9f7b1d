#pragma once
// The fields a rule's error names, in its order, for the meetings rules' tests.
#include <string>
#include <vector>

#include "platform/core/error.hpp"

namespace safeboard::meetings {

inline std::vector<std::string> fields_named(const Error& error) {
    std::vector<std::string> names;
    for (const auto& f : error.fields) names.push_back(f.field);
    return names;
}

}  // namespace safeboard::meetings
