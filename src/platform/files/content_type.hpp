#pragma once
// What a file is, judged by its bytes rather than by its name or the type the
// browser sent, both of which the uploader chooses.
#include <string>
#include <string_view>

namespace safeboard::files {

// The MIME type libmagic finds in the bytes ("application/pdf",
// "image/png", "text/plain"), with Word, Excel and PowerPoint files told
// apart by their parts when libmagic sees only a zip archive. Safe to call
// from any thread: each thread loads the default magic database once.
// Throws std::runtime_error when the database cannot be loaded (libmagic-mgc
// missing), since then no upload could be judged.
std::string sniff_type(std::string_view bytes);

}  // namespace safeboard::files
