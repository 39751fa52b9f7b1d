#pragma once
// The Content-Disposition header for downloading a stored file under the
// name it was uploaded with, which is the uploader's text and not to be
// trusted in a header or on the downloader's disk.
#include <string>
#include <string_view>

namespace safeboard::files {

// attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>
// (RFC 6266 and RFC 8187). Control characters (CR and LF among them) and
// quotes are dropped, path separators become "-", leading and trailing dots
// and spaces go, bytes that are not UTF-8 become U+FFFD; the fallback has
// "_" for each character outside printable ASCII and for "%" (some browsers
// decode it). An empty result is "download".
std::string content_disposition(std::string_view filename);

}  // namespace safeboard::files
