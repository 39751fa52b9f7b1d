#pragma once
// What poppler's command-line tools read from a PDF: the text a reader
// would copy, page by page, and the document properties. poppler-utils is
// a declared test dependency (scripts/install-deps.sh --test); when a tool
// is missing these throw, so the test fails saying so rather than passing.
#include <string>
#include <string_view>
#include <vector>

namespace safeboard::pdf::testing {

// The text of each page (pdftotext -raw), in the order it was drawn.
std::vector<std::string> page_texts(std::string_view pdf);
// All pages' text with every run of white space made one space, so a
// phrase is found wherever the layout wrapped it.
std::string flat_text(std::string_view pdf);
std::string flat(std::string_view text);

// pdfinfo's value for a key ("Title", "Pages", "Page size"); empty when absent.
std::string info(std::string_view pdf, std::string_view key);
int page_count(std::string_view pdf);

// How often `needle` occurs in `haystack`.
std::size_t occurrences(std::string_view haystack, std::string_view needle);

}  // namespace safeboard::pdf::testing
