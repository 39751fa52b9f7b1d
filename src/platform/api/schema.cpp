#include "platform/api/schema.hpp"

#include <string>

#include <boost/json.hpp>

namespace safeboard::api::schema {

namespace json = boost::json;

json::value typed(std::string_view type, std::string_view description) {
    json::object schema{{"type", type}};
    if (!description.empty()) schema["description"] = description;
    return schema;
}
json::value text(std::string_view description) { return typed("string", description); }
json::value integer(std::string_view description) { return typed("integer", description); }
json::value number(std::string_view description) { return typed("number", description); }
json::value boolean(std::string_view description) { return typed("boolean", description); }
json::value id() { return text("Opaque identifier"); }

json::value nullable(std::string_view type, std::string_view description) {
    json::object schema{{"type", json::array{type, "null"}}};
    if (!description.empty()) schema["description"] = description;
    return schema;
}
json::value optional_id(std::string_view description) { return nullable("string", description); }
json::value ref(std::string_view name) { return json::object{{"$ref", "#/components/schemas/" + std::string(name)}}; }
json::value array_of(json::value items) { return json::object{{"type", "array"}, {"items", std::move(items)}}; }

json::object object_schema(Properties properties) {
    json::object described;
    json::array required;
    for (const auto& [name, schema] : properties) {
        described[name] = schema;
        required.emplace_back(name);
    }
    return {{"type", "object"}, {"required", std::move(required)}, {"properties", std::move(described)}};
}

}  // namespace safeboard::api::schema
