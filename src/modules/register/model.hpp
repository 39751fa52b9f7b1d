#pragma once
// The partnership register. This first slice holds the partnerships an
// instance hosts; organisations, people, bodies and memberships join it.
#include <cstdint>
#include <string>

namespace safeboard::register_ {

struct Partnership {
    std::int64_t id = 0;
    std::string code;  // short, stable, lower-case: "southend", "essex", "set"
    std::string name;  // "Southend Local Safeguarding Children Board"
};

}  // namespace safeboard::register_
