#pragma once
// The meetings module's closed lists (platform/core/terms.hpp: a stable code,
// stored and used in the API and CSV files, and the words people use).
#include <span>

#include "modules/meetings/model.hpp"
#include "platform/core/terms.hpp"

namespace safeboard::meetings {

std::span<const Term<MeetingStatus>> meeting_statuses();
std::span<const Term<AttendanceStatus>> attendance_statuses();
std::span<const Term<ItemKind>> item_kinds();
std::span<const Term<ItemStatus>> item_statuses();
std::span<const Term<AgendaType>> agenda_types();
std::span<const Term<LinkKind>> link_kinds();
std::span<const Term<SubstituteSetting>> substitute_settings();
std::span<const Term<FeedKind>> feed_kinds();
std::span<const Term<SettingSource>> setting_sources();

}  // namespace safeboard::meetings

namespace safeboard {
template <>
inline std::span<const Term<meetings::MeetingStatus>> terms() {
    return meetings::meeting_statuses();
}
template <>
inline std::span<const Term<meetings::AttendanceStatus>> terms() {
    return meetings::attendance_statuses();
}
template <>
inline std::span<const Term<meetings::ItemKind>> terms() {
    return meetings::item_kinds();
}
template <>
inline std::span<const Term<meetings::ItemStatus>> terms() {
    return meetings::item_statuses();
}
template <>
inline std::span<const Term<meetings::AgendaType>> terms() {
    return meetings::agenda_types();
}
template <>
inline std::span<const Term<meetings::LinkKind>> terms() {
    return meetings::link_kinds();
}
template <>
inline std::span<const Term<meetings::SubstituteSetting>> terms() {
    return meetings::substitute_settings();
}
template <>
inline std::span<const Term<meetings::FeedKind>> terms() {
    return meetings::feed_kinds();
}
template <>
inline std::span<const Term<meetings::SettingSource>> terms() {
    return meetings::setting_sources();
}
}  // namespace safeboard
