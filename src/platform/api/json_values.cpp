#include "platform/api/json_values.hpp"

#include <boost/json/string.hpp>

namespace safeboard::api {

boost::json::value optional_json(const std::optional<std::string>& value) {
    if (!value) return nullptr;
    return boost::json::string(*value);
}

boost::json::value id_json(const std::optional<std::int64_t>& id) {
    if (!id) return nullptr;
    return boost::json::string(std::to_string(*id));
}

}  // namespace safeboard::api
