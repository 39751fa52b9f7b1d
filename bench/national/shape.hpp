#pragma once
// The nation's shape: the partnerships, the organisations that sit in them
// and the indicator suite each partnership asks its agencies to return.
// Pure data, worked out from the sizes and the seed alone.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/performance/model.hpp"

namespace safeboard::national {

struct Sizes {
    int partnerships = 150;
    int organisations = 25'000;
    std::int64_t values = 10'000'000;
    std::uint64_t seed = 20'261'122;
};

// What an organisation is: it sets the sector, the size and what it returns.
enum class Kind {
    council,
    childrens_services,
    police,
    health_commissioner,
    fire,
    probation,
    nhs_trust,
    school,
    voluntary,
    other,
};

struct Organisation {
    std::int64_t id = 0;
    Kind kind = Kind::school;
    std::string name;
    std::string sector;  // the register's code
    std::optional<std::int64_t> parent_id;
    std::optional<std::string> active_from;  // YYYY-MM-DD
    std::optional<std::string> active_to;
    int staff = 0;  // sets the size of its counts and denominators
};

// An organisation's place in one partnership.
struct Member {
    std::size_t organisation = 0;  // index into Shape::organisations
    bool statutory_partner = false;
    bool relevant_agency = false;
};

struct Partnership {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    int year_starts_month = 4;
    int due_days = 30;
    std::vector<Member> members;
    std::size_t childrens_services = 0;  // the organisation that returns the local authority's own figures
};

// One indicator of the suite, and how its values are drawn.
struct IndicatorSpec {
    std::string code;
    std::string title;
    std::string definition;
    std::string unit;  // the performance vocabulary's codes
    std::string numerator;
    std::string denominator;
    std::string polarity;
    std::string frequency;
    std::string returned_by;  // partner_agencies, sector, organisation or partnership
    std::string sector;       // when returned by a sector
    std::vector<performance::Target> targets;
    // A ratio's denominator: staff times this, or, when 0, between the two bounds.
    double denominator_per_staff = 0;
    int denominator_low = 0;
    int denominator_high = 0;
    // A count without a target: its mean in a quarter for each 100 staff.
    double per_100_staff = 0;
};

struct Shape {
    std::vector<Partnership> partnerships;    // partnership id n is at n - 1
    std::vector<Organisation> organisations;  // organisation id n is at n - 1
    std::vector<IndicatorSpec> suite;         // every partnership's, by code
};

// Throws std::invalid_argument when the sizes leave no room for the
// organisations every partnership needs.
Shape make_shape(const Sizes& sizes);

// The indicator suite every partnership asks for, by code (suite.cpp).
std::vector<IndicatorSpec> make_suite();

// The id of the partnership's indicator at `index` in the suite.
std::int64_t indicator_id(const Shape& shape, const Partnership& partnership, std::size_t index);

// Whether the member returns the indicator, as completeness works it out
// (a null member: the partnership itself).
bool owes(const IndicatorSpec& indicator, const Partnership& partnership, const Member* member,
          const Organisation* organisation);

}  // namespace safeboard::national
