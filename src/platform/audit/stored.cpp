#include "platform/audit/stored.hpp"

#include <boost/json.hpp>

#include "platform/audit/text.hpp"

namespace safeboard::audit::stored {
namespace {

void append_optional(std::string& out, const std::optional<std::string>& value) {
    if (value) {
        text::append_json_string(out, *value);
    } else {
        out += "null";
    }
}

[[noreturn]] void unreadable(std::string_view why) {
    throw UnreadableEntry("its changes are not readable: " + std::string(why));
}

std::optional<std::string> optional_string(const boost::json::object& object, std::string_view key) {
    const boost::json::value* value = object.if_contains(key);
    if (value == nullptr) unreadable("a change has no " + std::string(key));
    if (value->is_null()) return std::nullopt;
    const boost::json::string* text = value->if_string();
    if (text == nullptr) unreadable(std::string(key) + " is neither text nor null");
    return std::string(text->data(), text->size());
}

FieldChange change_from(const boost::json::value& value) {
    const boost::json::object* object = value.if_object();
    if (object == nullptr) unreadable("a change is not an object");
    auto field = optional_string(*object, "field");
    if (!field) unreadable("a change has no field name");
    return {*field, optional_string(*object, "before"), optional_string(*object, "after")};
}

}  // namespace

std::string changes_json(const std::vector<FieldChange>& changes) {
    std::string out = "[";
    for (const auto& change : changes) {
        if (out.size() > 1) out += ',';
        out += "{\"field\":";
        text::append_json_string(out, change.field);
        out += ",\"before\":";
        append_optional(out, change.before);
        out += ",\"after\":";
        append_optional(out, change.after);
        out += '}';
    }
    out += ']';
    return out;
}

std::vector<FieldChange> parse_changes(std::string_view json) {
    boost::system::error_code error;
    boost::json::value parsed = boost::json::parse(json, error);
    if (error) unreadable(error.message());
    const boost::json::array* array = parsed.if_array();
    if (array == nullptr) unreadable("not a JSON array");
    std::vector<FieldChange> changes;
    changes.reserve(array->size());
    for (const auto& value : *array) changes.push_back(change_from(value));
    return changes;
}

StoredEntry stored_entry(const db::Row& row) {
    StoredEntry entry;
    entry.seq = row.integer(0);
    entry.at = row.text(1);
    entry.actor = {row.optional_integer(2), row.text(3), row.text(4), row.text(5)};
    entry.entry.action = row.text(6);
    entry.entry.entity_type = row.text(7);
    entry.entry.entity_id = row.text(8);
    std::string changes = row.text(9);
    try {
        entry.entry.changes = parse_changes(changes);
    } catch (const UnreadableEntry& error) {
        throw UnreadableEntry("audit entry " + std::to_string(entry.seq) + ": " + error.what());
    }
    entry.entry.detail = row.text(10);
    entry.prev_hash = row.text(11);
    entry.hash = row.text(12);
    return entry;
}

}  // namespace safeboard::audit::stored
