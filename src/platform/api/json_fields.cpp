#include "platform/api/json_fields.hpp"

#include <algorithm>

#include <boost/json.hpp>

namespace safeboard::api {

namespace json = boost::json;

Result<Fields> fields_from(const http::Request& request, const std::vector<std::string>& columns,
                           const std::vector<std::string>& extra) {
    json::error_code ec;
    auto value = json::parse(request.body, ec);
    if (ec || !value.is_object()) return invalid({{"body", "must be a JSON object"}}, "The request body is not a JSON object");
    Fields fields;
    std::vector<FieldError> errors;
    for (const auto& [key, item] : value.as_object()) {
        std::string name(key);
        bool known = std::find(columns.begin(), columns.end(), name) != columns.end() ||
                     std::find(extra.begin(), extra.end(), name) != extra.end();
        if (!known) {
            errors.push_back({name, "is not a field of this record"});
        } else if (item.is_string()) {
            fields[name] = std::string(item.as_string());
        } else if (item.is_bool()) {
            fields[name] = item.as_bool() ? "yes" : "no";
        } else if (item.is_null()) {
            fields[name] = "";
        } else if (item.is_array()) {
            std::string joined;
            for (const auto& element : item.as_array()) {
                if (!element.is_string()) {
                    errors.push_back({name, "must be a list of strings"});
                    break;
                }
                joined += (joined.empty() ? "" : ";") + std::string(element.as_string());
            }
            fields[name] = joined;
        } else {
            errors.push_back({name, "must be a string"});
        }
    }
    if (!errors.empty()) return invalid(std::move(errors));
    return fields;
}

}  // namespace safeboard::api
