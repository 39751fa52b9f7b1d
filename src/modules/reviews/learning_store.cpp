// What shows a review's learning reached practice: each agency's
// confirmations that it was shared, and the sign-off of each recommendation
// by the agency it concerns.
#include "modules/reviews/store.hpp"
#include "modules/reviews/store_support.hpp"
#include "modules/reviews/vocabulary.hpp"

namespace safeboard::reviews {

using namespace detail;

bool record_confirmation(db::Connection& db, const Confirmation& c, const audit::Actor& actor) {
    std::string level(code_of(c.level));
    auto found = db.query(
        "SELECT confirmed_on, evidence FROM review_dissemination "
        "WHERE case_id = $1 AND organisation_id = $2 AND level = $3",
        {c.case_id, c.organisation_id, level});
    Snapshot before;
    if (!found.empty()) before = {{"confirmed_on", found.rows[0].text(0)}, {"evidence", found.rows[0].text(1)}};
    Snapshot after{{"confirmed_on", c.confirmed_on}, {"evidence", c.evidence}};
    if (before == after) return false;
    if (found.empty()) {
        db.query("INSERT INTO review_dissemination (case_id, organisation_id, level, confirmed_on, evidence, "
                 "recorded_at) VALUES ($1, $2, $3, $4, $5, $6)",
                 {c.case_id, c.organisation_id, level, c.confirmed_on, c.evidence, now_utc()});
    } else {
        db.query("UPDATE review_dissemination SET confirmed_on = $4, evidence = $5, recorded_at = $6 "
                 "WHERE case_id = $1 AND organisation_id = $2 AND level = $3",
                 {c.case_id, c.organisation_id, level, c.confirmed_on, c.evidence, now_utc()});
    }
    return record(db, actor, found.empty() ? "create" : "update", "review_case", c.case_id, before, after,
                  "learning shared: organisation " + std::to_string(c.organisation_id) + ", " + level);
}

std::vector<Confirmation> confirmations_of(db::Connection& db, std::int64_t case_id) {
    std::vector<Confirmation> found;
    for (const auto& row : db.query("SELECT d.organisation_id, o.name, d.level, d.confirmed_on, d.evidence "
                                    "FROM review_dissemination d JOIN organisations o ON o.id = d.organisation_id "
                                    "WHERE d.case_id = $1 ORDER BY o.name, d.organisation_id",
                                    {case_id})
                               .rows) {
        found.push_back({case_id, row.integer(0), row.text(1),
                         parse_term<LearningLevel>(row.text(2)).value_or(LearningLevel::practitioner), row.text(3),
                         row.text(4)});
    }
    // Levels in their own order (practitioner, manager, governance), not by code.
    std::stable_sort(found.begin(), found.end(), [](const Confirmation& a, const Confirmation& b) {
        if (a.organisation_name != b.organisation_name) return a.organisation_name < b.organisation_name;
        return a.level < b.level;
    });
    return found;
}

bool record_sign_off(db::Connection& db, const SignOff& s, const audit::Actor& actor) {
    auto added = db.query(
        "INSERT INTO review_recommendation_sign_offs (recommendation_id, case_id, signed_off_by, signed_off_on) "
        "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        {s.recommendation_id, s.case_id, s.signed_off_by, s.signed_off_on});
    if (added.affected == 0) return false;
    return record(db, actor, "update", "recommendation", s.recommendation_id, {},
                  {{"signed_off_by", std::to_string(s.signed_off_by)}, {"signed_off_on", s.signed_off_on}},
                  "signed off by the agency concerned");
}

std::vector<SignOff> sign_offs_of(db::Connection& db, std::int64_t case_id) {
    std::vector<SignOff> found;
    for (const auto& row : db.query("SELECT s.recommendation_id, s.signed_off_by, p.name, s.signed_off_on "
                                    "FROM review_recommendation_sign_offs s JOIN people p ON p.id = s.signed_off_by "
                                    "WHERE s.case_id = $1 ORDER BY s.recommendation_id",
                                    {case_id})
                               .rows) {
        found.push_back({row.integer(0), case_id, row.integer(1), row.text(2), row.text(3)});
    }
    return found;
}

}  // namespace safeboard::reviews
