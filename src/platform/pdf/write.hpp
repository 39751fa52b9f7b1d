#pragma once
// Documents to PDF, through pango (text layout) and cairo (the PDF).
//
// Safe to call from several threads at once: each call has its own surface,
// cairo context and pango context, and each thread its own font map.
#include <string>

#include "platform/core/error.hpp"
#include "platform/pdf/document.hpp"

namespace safeboard::pdf {

// The bytes of a PDF file, or a validation error listing every problem in
// the document (check_document), or an internal error when cairo fails.
Result<std::string> write_pdf(const Document& document);

}  // namespace safeboard::pdf
