#pragma once
// What write_pdf refuses before it lays anything out: text that is not
// UTF-8 or holds control characters, heading levels outside 1-3, tables
// whose rows do not match their columns, impossible sizes and margins.
#include "platform/core/error.hpp"
#include "platform/pdf/document.hpp"

namespace safeboard::pdf {

// Every problem at once, each naming where it is: the field is a path
// ("blocks[2].rows[0][1]", counting from 0) and the message names the block
// for people ("Block 3 (table), row 1, column 2 is not valid UTF-8").
Status check_document(const Document& document);

}  // namespace safeboard::pdf
