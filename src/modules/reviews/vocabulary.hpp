#pragma once
// The closed lists of learning reviews, with their codes and words.
#include "modules/reviews/model.hpp"
#include "platform/core/terms.hpp"

namespace safeboard {
template <>
std::span<const Term<reviews::CaseStatus>> terms<reviews::CaseStatus>();
template <>
std::span<const Term<reviews::DecisionKind>> terms<reviews::DecisionKind>();
template <>
std::span<const Term<reviews::LearningLevel>> terms<reviews::LearningLevel>();
}  // namespace safeboard
