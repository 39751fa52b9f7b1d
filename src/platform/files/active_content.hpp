#pragma once
// Content a browser or desktop would run or render as a page: programs,
// scripts, HTML, SVG, XML. An upload must be none of these, judged both by
// its bytes and by its name, since the name decides what a double-click does.
#include <string>
#include <string_view>

namespace safeboard::files {

bool is_active_type(std::string_view mime_type);

// The extension as Windows reads it, lowercased and without the dot: of the
// last path component, after trailing dots and spaces are dropped
// ("evil.exe. " opens as evil.exe). Empty when there is none.
std::string extension_of(std::string_view filename);

bool has_active_extension(std::string_view filename);

}  // namespace safeboard::files
