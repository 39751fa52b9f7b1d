#pragma once
// The checks an uploaded file passes before it is stored: not empty, not too
// large, of a type the service accepts as judged by its content, and never a
// program, script or web page, whatever it is called.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "platform/core/error.hpp"

namespace safeboard::files {

struct UploadPolicy {
    std::size_t max_bytes = 0;               // a file of exactly this size is accepted
    std::vector<std::string> allowed_types;  // MIME types, in the order the error message lists them
};

// Evidence and papers: at most 10 MB of office documents, PDF, text and
// pictures.
const UploadPolicy& document_policy();

// The file's type as sniff_type finds it (text/plain named .csv is text/csv
// when the policy takes CSV), or a validation error on field "file" with a
// message for the person uploading. Programs, scripts, HTML, SVG and XML are
// refused by content and by file name even if a policy lists them: served
// from our origin they could run as us.
Result<std::string> check_upload(const UploadPolicy& policy, std::string_view filename, std::string_view bytes);

// "10 MB", "512 KB", "1.5 MB", "900 bytes" (1 MB = 1024 KB = 1,048,576 bytes).
std::string readable_size(std::size_t bytes);

// What people call a type: "PDF", "Word document", "plain text"; the MIME
// type itself when it has no common name.
std::string friendly_type_name(std::string_view mime_type);

}  // namespace safeboard::files
