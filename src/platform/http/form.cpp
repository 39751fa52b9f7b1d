#include "platform/http/form.hpp"

#include <boost/url/parse_query.hpp>

namespace safeboard::http {

FormFields form_fields(const Request& request) {
    FormFields fields;
    auto type = request.header("content-type").value_or("");
    if (!type.starts_with("application/x-www-form-urlencoded")) return fields;
    auto parsed = boost::urls::parse_query(request.body);
    if (!parsed) return fields;
    // Browsers encode a space in a form as '+'.
    boost::urls::encoding_opts options;
    options.space_as_plus = true;
    for (auto param : *parsed) {
        fields.emplace_back(param.key.decode(options), param.has_value ? param.value.decode(options) : std::string());
    }
    return fields;
}

std::optional<std::string> find_field(const FormFields& fields, std::string_view name) {
    for (const auto& [key, value] : fields) {
        if (key == name) return value;
    }
    return std::nullopt;
}

std::optional<std::string> form_field(const Request& request, std::string_view name) {
    return find_field(form_fields(request), name);
}

}  // namespace safeboard::http
