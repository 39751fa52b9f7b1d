// Partnerships and organisations. Regional bodies (police forces,
// integrated care boards, fire and rescue services, probation regions, NHS
// trusts) are shared by neighbouring partnerships, as Essex Police sits in
// Southend's, Essex's and Thurrock's; each partnership has its own council
// and a share of the local organisations (mostly schools) that varies from
// partnership to partnership, as counties and small unitaries do.
#include "national/shape.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string_view>

#include "modules/performance/periods.hpp"
#include "national/draw.hpp"

namespace safeboard::national {

namespace {

constexpr std::array<std::string_view, 42> prefixes{
    "Ash",  "Barn",  "Bel",  "Black", "Brad",  "Bram", "Brook", "Burn", "Castle", "Chester", "Clay",
    "Cold", "Crow",  "Dun",  "East",  "Elm",   "Fair", "Fern",  "Glen", "Green",  "Hart",    "Hazel",
    "High", "Holm",  "King", "Lang",  "Mar",   "Mill", "North", "Oak",  "Red",    "Rock",    "Rose",
    "Stan", "Stone", "Sum",  "Thorn", "Water", "West", "White", "Wil",  "Wood"};
constexpr std::array<std::string_view, 12> suffixes{"ford", "ham", "ley",     "ton",     "bury",  "field",
                                                    "wick", "by",  "minster", "borough", "stead", "worth"};

// Distinct made-up place names: every prefix before any suffix repeats.
std::string place_name(std::size_t index) {
    constexpr auto combinations = prefixes.size() * suffixes.size();
    auto k = index % combinations;
    auto a = k % prefixes.size();
    auto b = (k / prefixes.size() + 7 * a) % suffixes.size();
    std::string name(prefixes[a]);
    name += suffixes[b];
    if (index >= combinations) name.append(" ").append(std::to_string(index / combinations + 1));
    return name;
}

std::string code_of(std::string_view place) {
    std::string code;
    for (char c : place) code += c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return code;
}

constexpr std::array<std::string_view, 40> school_words{
    "St Mary's",  "St John's", "Oakfield",   "Meadow",    "Park",         "Hillside",      "Riverside",  "Church",
    "Manor",      "Valley",    "Westfield",  "Northgate", "Southgate",    "Grange",        "Abbey",      "Priory",
    "Orchard",    "Willow",    "Beech",      "Cedar",     "Holy Trinity", "Christ Church", "All Saints", "Sacred Heart",
    "Our Lady's", "Highfield", "Greenacres", "Brookside", "Springfield",  "Fairfield",     "Moorland",   "Castle",
    "Bridge",     "Lakeside",  "Woodlands",  "Kingsway",  "Queensway",    "Victoria",      "Albert",     "Heathfield"};
constexpr std::array<std::string_view, 8> school_types{"Primary School",
                                                       "Infant School",
                                                       "Junior School",
                                                       "Academy",
                                                       "High School",
                                                       "Church of England Primary School",
                                                       "Catholic Primary School",
                                                       "Nursery School"};
constexpr std::array<std::string_view, 12> voluntary_words{
    "Young Carers",    "Family Support",  "Youth Project", "Women's Aid", "Mind",       "Citizens Advice",
    "Scouts District", "Guides Division", "Sports Club",   "Foodbank",    "Home-Start", "Parent Network"};
constexpr std::array<std::string_view, 8> other_words{
    "College",        "Dental Practice", "Medical Centre",      "Pharmacy",
    "Leisure Centre", "Library",         "Housing Association", "Dance School"};
constexpr std::array<std::string_view, 4> trust_types{"Hospitals NHS Foundation Trust", "Community Health NHS Trust",
                                                      "Mental Health NHS Foundation Trust",
                                                      "Children's Hospital NHS Foundation Trust"};

// The `k`th local organisation of a kind in a place.
std::string local_name(const std::string& place, Kind kind, std::size_t k) {
    auto numbered = [&](std::string name, std::size_t capacity) {
        return k < capacity ? name : name + " " + std::to_string(k / capacity + 1);
    };
    if (kind == Kind::school) {
        auto word = k % school_words.size();
        auto type = (k / school_words.size() + word) % school_types.size();
        return numbered(place + " " + std::string(school_words[word]) + " " + std::string(school_types[type]),
                        school_words.size() * school_types.size());
    }
    if (kind == Kind::voluntary)
        return numbered(place + " " + std::string(voluntary_words[k % voluntary_words.size()]), voluntary_words.size());
    return numbered(place + " " + std::string(other_words[k % other_words.size()]), other_words.size());
}

const char* sector_of(Kind kind) {
    switch (kind) {
    case Kind::council:
    case Kind::childrens_services: return "local_authority";
    case Kind::police: return "police";
    case Kind::health_commissioner: return "health_commissioner";
    case Kind::fire: return "fire";
    case Kind::probation: return "probation";
    case Kind::nhs_trust: return "nhs_trust";
    case Kind::school: return "education";
    case Kind::voluntary: return "voluntary";
    case Kind::other: return "other";
    }
    return "other";
}

std::pair<int, int> staff_range(Kind kind) {
    switch (kind) {
    case Kind::council: return {2000, 12000};
    case Kind::childrens_services: return {300, 1500};
    case Kind::police: return {1500, 9000};
    case Kind::health_commissioner: return {200, 800};
    case Kind::fire: return {300, 1500};
    case Kind::probation: return {400, 1500};
    case Kind::nhs_trust: return {1500, 9000};
    case Kind::school: return {20, 150};
    case Kind::voluntary: return {5, 60};
    case Kind::other: return {10, 100};
    }
    return {10, 100};
}

// Regional bodies at the national count, scaled to the partnerships asked for.
struct Regions {
    int police, health, fire, probation, trusts;
};

Regions regions_for(int partnerships) {
    auto scaled = [&](int national) { return std::max(1, (national * partnerships + 75) / 150); };
    return {scaled(39), scaled(42), scaled(44), scaled(12), scaled(200)};
}

class Builder {
public:
    explicit Builder(const Sizes& sizes) : sizes_(sizes) {}

    Shape build() {
        auto n = static_cast<std::size_t>(sizes_.partnerships);
        for (std::size_t p = 0; p < n; ++p) shape_.partnerships.push_back(partnership(p));
        add_regions();
        auto regional = static_cast<int>(shape_.organisations.size());
        int local = sizes_.organisations - regional - 2 * sizes_.partnerships;
        if (local < 0) {
            throw std::invalid_argument(std::to_string(sizes_.partnerships) + " partnerships need at least " +
                                        std::to_string(regional + 2 * sizes_.partnerships) + " organisations");
        }
        auto shares = local_shares(local);
        for (std::size_t p = 0; p < n; ++p) add_locals(shape_.partnerships[p], shares[p]);
        shape_.suite = make_suite();
        return std::move(shape_);
    }

private:
    Partnership partnership(std::size_t p) {
        Draw draw(sizes_.seed, {1, static_cast<std::int64_t>(p)});
        Partnership partnership;
        partnership.id = static_cast<std::int64_t>(p) + 1;
        auto place = place_name(p);
        partnership.code = code_of(place);
        partnership.name = place + " Safeguarding Children Partnership";
        auto year = draw.uniform();
        partnership.year_starts_month = year < 0.85 ? 4 : year < 0.95 ? 10 : 1;
        auto due = draw.uniform();
        partnership.due_days = due < 0.7 ? 30 : due < 0.9 ? 20 : 45;
        return partnership;
    }

    std::size_t add(Kind kind, std::string name, std::optional<std::int64_t> parent = std::nullopt) {
        // Names are unique whatever their case; a clash gets a number.
        auto base = name;
        for (int k = 2; !names_.insert(code_of(name)).second; ++k) name = base + " (" + std::to_string(k) + ")";
        Organisation o;
        o.id = static_cast<std::int64_t>(shape_.organisations.size()) + 1;
        o.kind = kind;
        o.name = std::move(name);
        o.sector = sector_of(kind);
        o.parent_id = parent;
        Draw draw(sizes_.seed, {2, o.id});
        auto [low, high] = staff_range(kind);
        o.staff = static_cast<int>(draw.whole(low, high));
        shape_.organisations.push_back(std::move(o));
        return shape_.organisations.size() - 1;
    }

    void join(std::size_t partnership, std::size_t organisation, bool statutory, bool relevant) {
        shape_.partnerships[partnership].members.push_back({organisation, statutory, relevant});
    }

    // Each region serves a run of neighbouring partnerships and is named after the first.
    void add_region(int count, Kind kind, const std::string& before, const std::string& after, bool statutory) {
        auto n = static_cast<std::size_t>(sizes_.partnerships);
        auto regions = static_cast<std::size_t>(count);
        std::vector<std::size_t> ids;
        for (std::size_t r = 0; r < regions; ++r)
            ids.push_back(add(kind, before + place_name((r * n + regions - 1) / regions) + after));
        for (std::size_t p = 0; p < n; ++p) join(p, ids[p * regions / n], statutory, !statutory);
    }

    void add_regions() {
        auto r = regions_for(sizes_.partnerships);
        add_region(r.police, Kind::police, "", " Police", true);
        add_region(r.health, Kind::health_commissioner, "NHS ", " Integrated Care Board", true);
        add_region(r.fire, Kind::fire, "", " Fire and Rescue Service", false);
        add_region(r.probation, Kind::probation, "Probation Service, ", " Region", false);
        // Each trust serves two neighbouring partnerships.
        auto n = static_cast<std::size_t>(sizes_.partnerships);
        auto trusts = static_cast<std::size_t>(r.trusts);
        for (std::size_t t = 0; t < trusts; ++t) {
            auto first = t * n / trusts;
            auto id = add(Kind::nhs_trust, place_name(first) + " " + std::string(trust_types[t % trust_types.size()]));
            join(first, id, false, true);
            if (n > 1) join((first + 1) % n, id, false, true);
        }
    }

    // How many local organisations each partnership has: the total, split by a random weight each.
    std::vector<int> local_shares(int local) {
        std::vector<double> weights;
        double total = 0;
        for (const auto& p : shape_.partnerships) {
            Draw draw(sizes_.seed, {3, p.id});
            weights.push_back(0.4 + 1.2 * draw.uniform());
            total += weights.back();
        }
        std::vector<int> shares;
        double so_far = 0;
        int given = 0;
        for (auto w : weights) {
            so_far += w;
            auto upto = static_cast<int>(std::lround(local * so_far / total));
            shares.push_back(upto - given);
            given = upto;
        }
        return shares;
    }

    void add_locals(Partnership& partnership, int count) {
        auto p = static_cast<std::size_t>(partnership.id - 1);
        auto place = place_name(p);
        auto council = add(Kind::council, place + " Council");
        join(p, council, true, false);
        partnership.childrens_services =
            add(Kind::childrens_services, place + " Council, Children's Services", shape_.organisations[council].id);
        join(p, partnership.childrens_services, false, false);
        std::array<std::size_t, 3> made{};  // schools, voluntary, other
        for (int k = 0; k < count; ++k) {
            Draw draw(sizes_.seed, {4, partnership.id, k});
            auto u = draw.uniform();
            auto kind = u < 0.85 ? Kind::school : u < 0.95 ? Kind::voluntary : Kind::other;
            auto& index = made[kind == Kind::school ? 0 : kind == Kind::voluntary ? 1 : 2];
            auto id = add(kind, local_name(place, kind, index++));
            bool relevant = kind == Kind::school || (kind == Kind::voluntary && draw.chance(0.5));
            join(p, id, false, relevant);
            open_and_close(shape_.organisations[id], draw);
        }
    }

    // Schools open and close (academies convert, small ones merge) over the years.
    static void open_and_close(Organisation& o, Draw& draw) {
        if (draw.chance(0.10))
            o.active_from = performance::add_days("2011-04-01", static_cast<int>(draw.whole(0, 5500)));
        if (!draw.chance(0.06)) return;
        auto closes =
            performance::add_days(o.active_from.value_or("2011-04-01"), static_cast<int>(draw.whole(180, 5000)));
        if (closes < "2026-09-01") o.active_to = closes;
    }

    Sizes sizes_;
    Shape shape_;
    std::set<std::string> names_;  // lower-cased, as the register keeps them unique
};

}  // namespace

Shape make_shape(const Sizes& sizes) {
    if (sizes.partnerships < 1) throw std::invalid_argument("there must be at least one partnership");
    return Builder(sizes).build();
}

std::int64_t indicator_id(const Shape& shape, const Partnership& partnership, std::size_t index) {
    return (partnership.id - 1) * static_cast<std::int64_t>(shape.suite.size()) + static_cast<std::int64_t>(index) + 1;
}

bool owes(const IndicatorSpec& indicator, const Partnership& partnership, const Member* member,
          const Organisation* organisation) {
    if (indicator.returned_by == "partnership") return member == nullptr;
    if (member == nullptr || organisation == nullptr) return false;
    if (indicator.returned_by == "partner_agencies") return member->statutory_partner || member->relevant_agency;
    if (indicator.returned_by == "sector") return organisation->sector == indicator.sector;
    return member->organisation == partnership.childrens_services;
}

}  // namespace safeboard::national
