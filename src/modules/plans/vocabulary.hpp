#pragma once
// The plans module's closed lists (platform/core/terms.hpp: a stable code and
// the words people use, "Accepted in part"), and the list of priority codes
// a spreadsheet writes in one cell.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "modules/plans/model.hpp"
#include "platform/core/terms.hpp"

namespace safeboard::plans {

std::span<const Term<Status>> statuses();
std::span<const Term<Rag>> rags();
std::span<const Term<Source>> sources();
std::span<const Term<Acceptance>> acceptances();
std::span<const Term<PartyKind>> party_kinds();

// "A, B & C", "A;C", "a and b" → {"A", "B", "C"}: trimmed, upper-cased, in the
// order written, each once. Empty text → no codes.
std::vector<std::string> parse_priority_codes(std::string_view text);

}  // namespace safeboard::plans

namespace safeboard {
template <> inline std::span<const Term<plans::Status>> terms() { return plans::statuses(); }
template <> inline std::span<const Term<plans::Rag>> terms() { return plans::rags(); }
template <> inline std::span<const Term<plans::Source>> terms() { return plans::sources(); }
template <> inline std::span<const Term<plans::Acceptance>> terms() { return plans::acceptances(); }
template <> inline std::span<const Term<plans::PartyKind>> terms() { return plans::party_kinds(); }
}  // namespace safeboard
