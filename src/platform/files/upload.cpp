#include "platform/files/upload.hpp"

#include <algorithm>
#include <array>

#include "platform/files/active_content.hpp"
#include "platform/files/content_type.hpp"

namespace safeboard::files {

namespace {

constexpr std::size_t kKilobyte = 1024;
constexpr std::size_t kMegabyte = 1024 * kKilobyte;
constexpr std::string_view kCsv = "text/csv";
constexpr std::string_view kDangerous = "The file must not be a program, script or web page";

struct Named {
    std::string_view mime_type;
    std::string_view name;
};

constexpr std::array kNames{
    Named{"application/pdf", "PDF"},
    Named{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document"},
    Named{"application/msword", "Word document"},
    Named{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel spreadsheet"},
    Named{"application/vnd.ms-excel", "Excel spreadsheet"},
    Named{"application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint presentation"},
    Named{"application/vnd.ms-powerpoint", "PowerPoint presentation"},
    Named{"text/csv", "CSV"},
    Named{"text/plain", "plain text"},
    Named{"image/png", "PNG"},
    Named{"image/jpeg", "JPEG"},
};

bool allows(const UploadPolicy& policy, std::string_view type) {
    return std::ranges::find(policy.allowed_types, type) != policy.allowed_types.end();
}

// libmagic rarely recognises CSV, which is text; the name says which text.
std::string refined(std::string type, std::string_view filename, const UploadPolicy& policy) {
    if (type == "text/plain" && extension_of(filename) == "csv" && allows(policy, kCsv)) return std::string(kCsv);
    return type;
}

// "a PDF, Word document or PNG": each name once, in the policy's order.
std::string allowed_list(const UploadPolicy& policy) {
    std::vector<std::string> names;
    for (const auto& type : policy.allowed_types) {
        auto name = friendly_type_name(type);
        if (std::ranges::find(names, name) == names.end()) names.push_back(std::move(name));
    }
    std::string list;
    for (std::size_t k = 0; k < names.size(); ++k) {
        if (k > 0) list += k + 1 == names.size() ? " or " : ", ";
        list += names[k];
    }
    bool vowel = !list.empty() && std::string_view("AEIOUaeiou").find(list.front()) != std::string_view::npos;
    return (vowel ? "an " : "a ") + list;
}

std::unexpected<Error> refuse(std::string message) { return invalid({FieldError{"file", std::move(message)}}); }

std::string in_units(std::size_t bytes, std::size_t unit, std::string_view name) {
    std::size_t tenths = bytes * 10 / unit;
    std::string number = std::to_string(tenths / 10);
    if (tenths % 10 != 0) {
        number += '.';
        number += static_cast<char>('0' + tenths % 10);
    }
    return number + " " + std::string(name);
}

}  // namespace

const UploadPolicy& document_policy() {
    static const UploadPolicy policy{10 * kMegabyte,
                                     {
                                         "application/pdf",
                                         "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                         "application/msword",
                                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                         "application/vnd.ms-excel",
                                         "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                                         "text/csv",
                                         "text/plain",
                                         "image/png",
                                         "image/jpeg",
                                     }};
    return policy;
}

Result<std::string> check_upload(const UploadPolicy& policy, std::string_view filename, std::string_view bytes) {
    if (bytes.empty()) return refuse("The file is empty");
    if (bytes.size() > policy.max_bytes) return refuse("The file must be smaller than " + readable_size(policy.max_bytes));
    if (has_active_extension(filename)) return refuse(std::string(kDangerous));
    auto type = refined(sniff_type(bytes), filename, policy);
    if (is_active_type(type)) return refuse(std::string(kDangerous));
    if (!allows(policy, type)) return refuse("The file must be " + allowed_list(policy));
    return type;
}

std::string readable_size(std::size_t bytes) {
    if (bytes >= kMegabyte) return in_units(bytes, kMegabyte, "MB");
    if (bytes >= kKilobyte) return in_units(bytes, kKilobyte, "KB");
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

std::string friendly_type_name(std::string_view mime_type) {
    auto named = std::ranges::find(kNames, mime_type, &Named::mime_type);
    return std::string(named == kNames.end() ? mime_type : named->name);
}

}  // namespace safeboard::files
