#include <algorithm>

#include "platform/audit/audit.hpp"

namespace safeboard::audit {
namespace {

using Snapshot = std::map<std::string, std::optional<std::string>>;

std::optional<std::string> value_in(const Snapshot& snapshot, const std::string& field) {
    auto found = snapshot.find(field);
    return found == snapshot.end() ? std::nullopt : found->second;
}

std::optional<std::string> hidden(const std::optional<std::string>& value) {
    if (!value) return std::nullopt;
    return std::string(kRedacted);
}

}  // namespace

std::vector<FieldChange> diff(const Snapshot& before, const Snapshot& after,
                              std::span<const std::string_view> redacted) {
    std::vector<std::string> fields;
    for (const auto& [field, value] : before) fields.push_back(field);
    for (const auto& [field, value] : after) fields.push_back(field);
    std::ranges::sort(fields);
    fields.erase(std::unique(fields.begin(), fields.end()), fields.end());

    std::vector<FieldChange> changes;
    for (const auto& field : fields) {
        auto old_value = value_in(before, field);
        auto new_value = value_in(after, field);
        if (old_value == new_value) continue;
        if (std::ranges::find(redacted, std::string_view(field)) != redacted.end()) {
            changes.push_back({field, hidden(old_value), hidden(new_value)});
        } else {
            changes.push_back({field, std::move(old_value), std::move(new_value)});
        }
    }
    return changes;
}

}  // namespace safeboard::audit
