#pragma once
// The POSIX calls behind FileStore, each reporting errno as an Error: a
// stored file must survive a crash once put() has answered, which needs
// fsync on the file and on the directory that names it.
#include <filesystem>
#include <string>
#include <string_view>

#include "platform/core/error.hpp"

namespace safeboard::files::disk {

// mkdir with mode 0700; an existing directory is fine. A new one is made
// durable by syncing its parent.
Status make_private_directory(const std::filesystem::path& path);

// Writes `bytes` to a temporary file in target's directory, syncs it, makes
// it read-only and renames it over `target`, then syncs the directory: a
// reader sees the whole file or none, even after a crash.
Status write_atomically(const std::filesystem::path& target, std::string_view bytes);

// The whole of a regular file; ErrorKind::not_found when there is none.
// Symbolic links are not followed.
Result<std::string> read_file(const std::filesystem::path& path);

}  // namespace safeboard::files::disk
