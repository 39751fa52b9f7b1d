#include "platform/files/disk.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace safeboard::files::disk {

namespace {

namespace fs = std::filesystem;

std::unexpected<Error> os_error(std::string_view what, const fs::path& path, int code = errno) {
    return fail(ErrorKind::internal,
                std::string(what) + " " + path.string() + ": " + std::generic_category().message(code));
}

// Closes on every path out, so an early return cannot leak a descriptor.
class Descriptor {
public:
    explicit Descriptor(int fd) : fd_(fd) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }
    // close() can report a failed write (NFS), so it is checked once.
    bool close() {
        int fd = fd_;
        fd_ = -1;
        return ::close(fd) == 0;
    }

private:
    int fd_;
};

Status sync_directory(const fs::path& path) {
    Descriptor dir(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() < 0) return os_error("cannot open directory", path);
    if (::fsync(dir.get()) != 0) return os_error("cannot sync directory", path);
    return {};
}

Status write_all(int fd, std::string_view bytes, const fs::path& path) {
    while (!bytes.empty()) {
        ssize_t written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR) continue;
        if (written < 0) return os_error("cannot write", path);
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return {};
}

Status fill_and_close(Descriptor& file, std::string_view bytes, const fs::path& path) {
    if (auto written = write_all(file.get(), bytes, path); !written) return written;
    if (::fsync(file.get()) != 0) return os_error("cannot sync", path);
    // Content-addressed files never change; read-only says so.
    if (::fchmod(file.get(), S_IRUSR) != 0) return os_error("cannot protect", path);
    if (!file.close()) return os_error("cannot close", path);
    return {};
}

Status fill_and_rename(Descriptor& file, const fs::path& temporary, const fs::path& target,
                       std::string_view bytes) {
    if (auto filled = fill_and_close(file, bytes, temporary); !filled) return filled;
    if (::rename(temporary.c_str(), target.c_str()) != 0) return os_error("cannot rename", temporary);
    return sync_directory(target.parent_path());
}

Result<std::string> read_all(int fd, std::size_t size, const fs::path& path) {
    std::string bytes(size, '\0');
    std::size_t filled = 0;
    while (filled < size) {
        ssize_t got = ::read(fd, bytes.data() + filled, size - filled);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return os_error("cannot read", path);
        if (got == 0) break;  // shrank while being read: the caller's hash check says so
        filled += static_cast<std::size_t>(got);
    }
    bytes.resize(filled);
    return bytes;
}

}  // namespace

Status make_private_directory(const fs::path& path) {
    if (::mkdir(path.c_str(), S_IRWXU) != 0) {
        if (errno == EEXIST && fs::is_directory(path)) return {};
        return os_error("cannot create directory", path);
    }
    return sync_directory(path.parent_path());
}

Status write_atomically(const fs::path& target, std::string_view bytes) {
    // A dot name, so a listing or a crash leftover is never taken for a stored file.
    std::string temporary = (target.parent_path() / ".upload-XXXXXX").string();
    Descriptor file(::mkostemp(temporary.data(), O_CLOEXEC));
    if (file.get() < 0) return os_error("cannot create a temporary file in", target.parent_path());
    auto done = fill_and_rename(file, temporary, target, bytes);
    if (!done) ::unlink(temporary.c_str());
    return done;
}

Result<std::string> read_file(const fs::path& path) {
    Descriptor file(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (file.get() < 0 && errno == ENOENT) return fail(ErrorKind::not_found, "no stored file " + path.string());
    if (file.get() < 0) return os_error("cannot open", path);
    struct stat info {};
    if (::fstat(file.get(), &info) != 0) return os_error("cannot inspect", path);
    if (!S_ISREG(info.st_mode)) return fail(ErrorKind::internal, "not a regular file: " + path.string());
    return read_all(file.get(), static_cast<std::size_t>(info.st_size), path);
}

}  // namespace safeboard::files::disk
