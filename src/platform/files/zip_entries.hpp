#pragma once
// Word, Excel and PowerPoint files (Office Open XML) are zip archives, and
// libmagic names them only when their parts come in the order Office writes
// them; otherwise it says application/zip or application/octet-stream. The
// archive's own table of contents settles it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safeboard::files {

// The names in a zip archive's central directory, in order; empty when the
// bytes are not a well-formed zip archive (or are zip64).
std::vector<std::string> zip_entry_names(std::string_view bytes);

// The Office Open XML type of a zip archive with [Content_Types].xml and a
// word/, xl/ or ppt/ part: the macro-enabled type when it holds
// vbaProject.bin (a .docm renamed .docx is still a .docm). nullopt for any
// other archive.
std::optional<std::string> office_open_xml_type(std::string_view bytes);

}  // namespace safeboard::files
