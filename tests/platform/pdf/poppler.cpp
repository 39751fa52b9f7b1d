#include "platform/pdf/poppler.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace safeboard::pdf::testing {

namespace {

namespace fs = std::filesystem;

// The PDF on disk for as long as the tool needs it.
class TemporaryPdf {
public:
    explicit TemporaryPdf(std::string_view bytes) {
        std::string pattern = (fs::temp_directory_path() / "safeboard-pdf-test-XXXXXX").string();
        int fd = ::mkstemp(pattern.data());
        if (fd < 0) throw std::runtime_error("cannot make a temporary file for the PDF");
        ::close(fd);
        path_ = pattern;
        std::ofstream out(path_, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) throw std::runtime_error("cannot write the PDF to " + path_.string());
    }
    TemporaryPdf(const TemporaryPdf&) = delete;
    TemporaryPdf& operator=(const TemporaryPdf&) = delete;
    ~TemporaryPdf() {
        std::error_code ignored;
        fs::remove(path_, ignored);
    }
    std::string path() const { return path_.string(); }

private:
    fs::path path_;
};

std::string missing_tool(const std::string& tool) {
    return tool + " was not found: the PDF tests need poppler-utils (scripts/install-deps.sh --test installs it)";
}

std::string read_all(int fd) {
    std::string out;
    char buffer[4096];
    for (;;) {
        ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        out.append(buffer, static_cast<std::size_t>(got));
    }
    return out;
}

// The tool's standard output; throws when it is missing or fails. No
// shell, so the temporary path needs no quoting.
std::string run(std::vector<std::string> args) {
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) throw std::runtime_error("cannot make a pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    int spawned = ::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_fds[1]);
    if (spawned != 0) {
        ::close(pipe_fds[0]);
        throw std::runtime_error(spawned == ENOENT ? missing_tool(args[0]) : "cannot run " + args[0]);
    }
    std::string out = read_all(pipe_fds[0]);
    ::close(pipe_fds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) continue;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        throw std::runtime_error(args[0] + " failed on the PDF (exit status " + std::to_string(WEXITSTATUS(status)) +
                                 ")");
    }
    return out;
}

}  // namespace

std::vector<std::string> page_texts(std::string_view pdf) {
    TemporaryPdf file(pdf);
    std::string text = run({"pdftotext", "-raw", "-enc", "UTF-8", file.path(), "-"});
    // pdftotext ends every page with a form feed.
    std::vector<std::string> pages;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\f', start)) != std::string::npos; start = end + 1) {
        pages.push_back(text.substr(start, end - start));
    }
    return pages;
}

std::string flat(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        bool white = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
        if (white) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string flat_text(std::string_view pdf) {
    std::string all;
    for (const auto& page : page_texts(pdf)) all += page + "\n";
    return flat(all);
}

std::string info(std::string_view pdf, std::string_view key) {
    TemporaryPdf file(pdf);
    std::string out = run({"pdfinfo", "-enc", "UTF-8", file.path()});
    std::string prefix = std::string(key) + ":";
    for (std::size_t start = 0; start < out.size();) {
        std::size_t end = out.find('\n', start);
        if (end == std::string::npos) end = out.size();
        std::string_view line(out.data() + start, end - start);
        if (line.starts_with(prefix)) {
            line.remove_prefix(prefix.size());
            std::size_t first = line.find_first_not_of(' ');
            return first == std::string_view::npos ? std::string() : std::string(line.substr(first));
        }
        start = end + 1;
    }
    return {};
}

int page_count(std::string_view pdf) {
    std::string pages = info(pdf, "Pages");
    return pages.empty() ? 0 : std::stoi(pages);
}

std::size_t occurrences(std::string_view haystack, std::string_view needle) {
    std::size_t count = 0;
    for (std::size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) {
        ++count;
    }
    return count;
}

}  // namespace safeboard::pdf::testing
