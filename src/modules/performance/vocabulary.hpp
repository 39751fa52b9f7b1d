#pragma once
// The performance framework's closed lists (platform/core/terms.hpp: a
// stable code, stored and used in the API and CSV files, and the words
// people use).
#include <span>

#include "modules/performance/model.hpp"
#include "platform/core/terms.hpp"

namespace safeboard::performance {

std::span<const Term<Unit>> units();
std::span<const Term<Polarity>> polarities();
std::span<const Term<Frequency>> frequencies();
std::span<const Term<PeriodKind>> period_kinds();
std::span<const Term<ReturnerKind>> returner_kinds();
std::span<const Term<ReturnStatus>> return_statuses();
std::span<const Term<Step>> steps();
std::span<const Term<Rag>> rags();

}  // namespace safeboard::performance

namespace safeboard {
template <>
inline std::span<const Term<performance::Unit>> terms() {
    return performance::units();
}
template <>
inline std::span<const Term<performance::Polarity>> terms() {
    return performance::polarities();
}
template <>
inline std::span<const Term<performance::Frequency>> terms() {
    return performance::frequencies();
}
template <>
inline std::span<const Term<performance::PeriodKind>> terms() {
    return performance::period_kinds();
}
template <>
inline std::span<const Term<performance::ReturnerKind>> terms() {
    return performance::returner_kinds();
}
template <>
inline std::span<const Term<performance::ReturnStatus>> terms() {
    return performance::return_statuses();
}
template <>
inline std::span<const Term<performance::Step>> terms() {
    return performance::steps();
}
template <>
inline std::span<const Term<performance::Rag>> terms() {
    return performance::rags();
}
}  // namespace safeboard
