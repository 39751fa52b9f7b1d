#pragma once
// Where every block of a document goes, page by page.
#include <vector>

#include "platform/pdf/document.hpp"
#include "platform/pdf/flow.hpp"
#include "platform/pdf/page.hpp"
#include "platform/pdf/typesetter.hpp"

namespace safeboard::pdf {

// The document's pages, with the letterhead at the top of the first. The
// marks point at layouts the typesetter keeps.
std::vector<Page> plan_pages(const Document& document, Typesetter& typesetter);

// A table at the cursor (plan_table.cpp).
void plan_table(Flow& flow, const Table& table);

}  // namespace safeboard::pdf
