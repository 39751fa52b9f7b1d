#pragma once
// Small files of each kind for the content and upload tests, made in code so
// no test depends on a fixture's history.
#include <string>
#include <string_view>
#include <vector>

namespace safeboard::files::samples {

std::string pdf();
std::string png();
std::string jpeg();
std::string elf_program();
std::string html();
std::string svg();
// A workbook as the service itself writes one (libxlsxwriter).
std::string xlsx();
// A zip archive holding these parts, in this order.
std::string zip(const std::vector<std::string>& parts);

}  // namespace safeboard::files::samples
