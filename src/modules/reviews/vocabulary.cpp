#include "modules/reviews/vocabulary.hpp"

#include <array>

namespace safeboard::reviews {
namespace {

constexpr std::array<Term<CaseStatus>, 2> case_status_terms{{
    {CaseStatus::open, "open", "Open"},
    {CaseStatus::closed, "closed", "Closed"},
}};

constexpr std::array<Term<DecisionKind>, 3> decision_terms{{
    {DecisionKind::lcspr, "lcspr", "Local child safeguarding practice review"},
    {DecisionKind::no_review, "no_review", "No review"},
    {DecisionKind::other_learning_review, "other_learning_review", "Other learning review"},
}};

constexpr std::array<Term<LearningLevel>, 3> level_terms{{
    {LearningLevel::practitioner, "practitioner", "Practitioners"},
    {LearningLevel::manager, "manager", "Managers"},
    {LearningLevel::governance, "governance", "Governance"},
}};

}  // namespace
}  // namespace safeboard::reviews

namespace safeboard {
template <>
std::span<const Term<reviews::CaseStatus>> terms<reviews::CaseStatus>() {
    return reviews::case_status_terms;
}
template <>
std::span<const Term<reviews::DecisionKind>> terms<reviews::DecisionKind>() {
    return reviews::decision_terms;
}
template <>
std::span<const Term<reviews::LearningLevel>> terms<reviews::LearningLevel>() {
    return reviews::level_terms;
}
}  // namespace safeboard
