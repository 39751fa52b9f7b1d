#include "platform/files/active_content.hpp"

#include <algorithm>
#include <array>

#include "platform/core/text.hpp"

namespace safeboard::files {

namespace {

constexpr std::array<std::string_view, 14> kActiveTypes{
    "text/html", "application/xhtml+xml", "image/svg+xml", "text/xml", "application/xml",
    "application/x-dosexec", "application/x-msdownload", "application/x-msi", "application/x-mach-binary",
    "application/x-sharedlib", "application/x-object", "application/java-archive",
    "application/x-java-applet", "application/x-ms-shortcut",
};

constexpr std::array<std::string_view, 34> kActiveExtensions{
    "exe", "com", "bat", "cmd", "scr", "pif", "msi", "msp", "dll", "cpl", "hta", "js", "mjs", "jse",
    "vbs", "vbe", "wsf", "wsh", "ps1", "psm1", "jar", "sh", "lnk", "reg", "html", "htm", "xhtml", "shtml",
    "svg", "svgz", "xml", "xsl", "mht", "mhtml",
};

}  // namespace

// libmagic names programs ...executable (ELF, PE) and scripts ...script
// (text/x-shellscript, application/javascript, text/x-script.python).
bool is_active_type(std::string_view mime_type) {
    return std::ranges::find(kActiveTypes, mime_type) != kActiveTypes.end() ||
           mime_type.find("executable") != std::string_view::npos ||
           mime_type.find("script") != std::string_view::npos;
}

std::string extension_of(std::string_view filename) {
    if (auto slash = filename.find_last_of("/\\"); slash != std::string_view::npos) filename.remove_prefix(slash + 1);
    while (!filename.empty() && (filename.back() == '.' || filename.back() == ' ')) filename.remove_suffix(1);
    auto dot = filename.rfind('.');
    return dot == std::string_view::npos ? std::string() : lower_ascii(filename.substr(dot + 1));
}

bool has_active_extension(std::string_view filename) {
    return std::ranges::find(kActiveExtensions, extension_of(filename)) != kActiveExtensions.end();
}

}  // namespace safeboard::files
