#include "platform/http/form.hpp"

#include <boost/url/parse_query.hpp>

#include "platform/http/multipart.hpp"

namespace safeboard::http {
namespace {

FormFields urlencoded_fields(std::string_view body) {
    FormFields fields;
    auto parsed = boost::urls::parse_query(body);
    if (!parsed) return fields;
    // Browsers encode a space in a form as '+'.
    boost::urls::encoding_opts options;
    options.space_as_plus = true;
    for (auto param : *parsed) {
        fields.emplace_back(param.key.decode(options), param.has_value ? param.value.decode(options) : std::string());
    }
    return fields;
}

// Views into the request's body; none when it is not a well-formed
// multipart/form-data body.
std::vector<MultipartPart> multipart_parts(const Request& request) {
    auto parts = read_multipart(request.header("content-type").value_or(""), request.body);
    if (!parts) return {};
    return std::move(*parts);
}

FormFile file_of(const MultipartPart& part) {
    return {part.name, part.filename.value_or(""), part.content_type, std::string(part.bytes)};
}

}  // namespace

FormFields form_fields(const Request& request) {
    auto type = request.header("content-type").value_or("");
    if (type.starts_with("application/x-www-form-urlencoded")) return urlencoded_fields(request.body);
    FormFields fields;
    for (const auto& part : multipart_parts(request)) {
        if (!part.filename) fields.emplace_back(part.name, std::string(part.bytes));
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

std::vector<FormFile> form_files(const Request& request) {
    std::vector<FormFile> files;
    for (const auto& part : multipart_parts(request)) {
        if (part.filename) files.push_back(file_of(part));
    }
    return files;
}

std::optional<FormFile> form_file(const Request& request, std::string_view field) {
    for (const auto& part : multipart_parts(request)) {
        if (part.filename && part.name == field) return file_of(part);
    }
    return std::nullopt;
}

Fields posted_fields(const Request& request, const std::vector<std::string>& names) {
    Fields fields;
    for (const auto& name : names) fields[name] = "";
    for (const auto& [name, value] : form_fields(request)) {
        auto found = fields.find(name);
        if (found == fields.end()) continue;
        if (!found->second.empty() && !value.empty()) found->second += ";";
        found->second += value;
    }
    return fields;
}

}  // namespace safeboard::http
