#pragma once
// Uploaded files (evidence of progress on actions, meeting papers) kept on
// disk outside any web root, named by the SHA-256 of their bytes. Records in
// the database hold the hash; the bytes live here. Content addressing means
// a file is never overwritten with something else, the same upload twice is
// stored once, and a file altered on disk is caught when it is read.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "platform/core/error.hpp"

namespace safeboard::files {

struct StoredFile {
    std::string sha256;  // 64 lowercase hex characters
    std::size_t size = 0;
    bool operator==(const StoredFile&) const = default;
};

class FileStore {
public:
    // Creates `root` (and its parents) when missing, the root itself with
    // mode 0700; throws std::filesystem::filesystem_error when it cannot,
    // since the service cannot start without its store.
    explicit FileStore(std::filesystem::path root);

    // Stores the bytes at <root>/ab/cd/<sha256> (a two-level fan-out keeps
    // directories small), atomically and durably: once this returns, the
    // file survives a crash. Storing bytes already held changes nothing
    // (unless the copy held was altered: then it is replaced).
    Result<StoredFile> put(std::string_view bytes) const;

    // The bytes stored under `sha256`. ErrorKind::not_found when nothing is,
    // or when the text is not 64 lowercase hex characters (it cannot name a
    // stored file, and is never turned into a path); ErrorKind::internal
    // when the bytes no longer match their hash.
    Result<std::string> get(std::string_view sha256) const;

    bool exists(std::string_view sha256) const;

    const std::filesystem::path& root() const { return root_; }

private:
    std::filesystem::path path_of(std::string_view sha256) const;
    Status make_fan_out(std::string_view sha256) const;

    std::filesystem::path root_;
};

}  // namespace safeboard::files
