#include "platform/files/file_store.hpp"

#include <sys/stat.h>

#include <utility>

#include "platform/files/digest.hpp"
#include "platform/files/disk.hpp"

namespace safeboard::files {

namespace fs = std::filesystem;

FileStore::FileStore(fs::path root) : root_(std::move(root)) {
    if (fs::create_directories(root_)) {
        fs::permissions(root_, fs::perms::owner_all, fs::perm_options::replace);
    }
    if (!fs::is_directory(root_)) {
        throw fs::filesystem_error("file store root is not a directory", root_,
                                   std::make_error_code(std::errc::not_a_directory));
    }
}

Result<StoredFile> FileStore::put(std::string_view bytes) const {
    StoredFile stored{sha256_hex(bytes), bytes.size()};
    // A held copy that no longer matches its hash is written again.
    if (get(stored.sha256)) return stored;
    if (auto made = make_fan_out(stored.sha256); !made) return std::unexpected(made.error());
    if (auto written = disk::write_atomically(path_of(stored.sha256), bytes); !written) {
        return std::unexpected(written.error());
    }
    return stored;
}

Result<std::string> FileStore::get(std::string_view sha256) const {
    if (!is_sha256_hex(sha256)) return fail(ErrorKind::not_found, "not a stored file reference");
    auto bytes = disk::read_file(path_of(sha256));
    if (!bytes) return bytes;
    if (sha256_hex(*bytes) != sha256) {
        return fail(ErrorKind::internal, "stored file " + std::string(sha256) + " no longer matches its hash");
    }
    return bytes;
}

bool FileStore::exists(std::string_view sha256) const {
    if (!is_sha256_hex(sha256)) return false;
    struct stat info {};
    // lstat: a symbolic link planted in the store is not a stored file.
    return ::lstat(path_of(sha256).c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

fs::path FileStore::path_of(std::string_view sha256) const {
    return root_ / sha256.substr(0, 2) / sha256.substr(2, 2) / sha256;
}

Status FileStore::make_fan_out(std::string_view sha256) const {
    fs::path first = root_ / sha256.substr(0, 2);
    if (auto made = disk::make_private_directory(first); !made) return made;
    return disk::make_private_directory(first / sha256.substr(2, 2));
}

}  // namespace safeboard::files
