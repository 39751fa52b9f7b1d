#pragma once
// Small JSON values every API answer is built from: an optional text or id
// as null when absent, ids as opaque strings.
#include <cstdint>
#include <optional>
#include <string>

#include <boost/json/value.hpp>

namespace safeboard::api {

boost::json::value optional_json(const std::optional<std::string>& value);
boost::json::value id_json(const std::optional<std::int64_t>& id);

}  // namespace safeboard::api
