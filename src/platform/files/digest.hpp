#pragma once
// The SHA-256 that names every stored file, as 64 lowercase hex characters.
#include <string>
#include <string_view>

namespace safeboard::files {

std::string sha256_hex(std::string_view bytes);

// Exactly 64 characters from 0-9a-f: the only text FileStore turns into a
// path, so no reference can climb out of the store.
bool is_sha256_hex(std::string_view text);

}  // namespace safeboard::files
