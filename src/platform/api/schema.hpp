#pragma once
// Building blocks for the JSON schemas of the OpenAPI document
// (components/schemas): each module describes every property its answers
// carry with these, so the schemas read alike across the API.
#include <initializer_list>
#include <string_view>
#include <utility>

#include <boost/json/value.hpp>

namespace safeboard::api::schema {

using Properties = std::initializer_list<std::pair<std::string_view, boost::json::value>>;

boost::json::value typed(std::string_view type, std::string_view description = {});
boost::json::value text(std::string_view description = {});
boost::json::value integer(std::string_view description = {});
boost::json::value number(std::string_view description = {});
boost::json::value boolean(std::string_view description = {});
// The API's ids are opaque strings.
boost::json::value id();
// A value of `type`, or null.
boost::json::value nullable(std::string_view type, std::string_view description = {});
boost::json::value optional_id(std::string_view description = {});
// Another schema, by its name under components/schemas.
boost::json::value ref(std::string_view name);
boost::json::value array_of(boost::json::value items);
// An object whose properties are all required (always present, maybe null).
boost::json::object object_schema(Properties properties);

}  // namespace safeboard::api::schema
