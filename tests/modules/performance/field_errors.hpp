#pragma once
// What the rules tests share: an indicator of a unit, and the fields an
// error names.
#include <cstdint>
#include <string>
#include <vector>

#include "modules/performance/model.hpp"
#include "platform/core/error.hpp"

namespace safeboard::performance::test_support {

inline Indicator indicator(Unit unit, std::string code = "DBS01", std::int64_t id = 7) {
    Indicator i;
    i.id = id;
    i.code = std::move(code);
    i.title = "An indicator";
    i.unit = unit;
    return i;
}

// The fields an error names, in its order.
inline std::vector<std::string> fields_of(const Error& error) {
    std::vector<std::string> names;
    for (const auto& f : error.fields) names.push_back(f.field);
    return names;
}

// The message on a field; "" when the error does not name it.
inline std::string message_of(const Error& error, const std::string& field) {
    for (const auto& f : error.fields) {
        if (f.field == field) return f.message;
    }
    return "";
}

}  // namespace safeboard::performance::test_support
