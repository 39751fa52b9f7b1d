#include "samples.hpp"

#include <gtest/gtest.h>
#include <minizip/zip.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "platform/tabular/xlsx.hpp"

namespace safeboard::files::samples {

using namespace std::string_literals;

std::string pdf() { return "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"; }

// The signature and the header chunk of a 1x1 picture.
std::string png() { return "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89"s; }

std::string jpeg() { return "\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xff\xdb"s; }

// An ELF header for an x86-64 executable (e_type 2).
std::string elf_program() {
    std::string header = "\x7f" "ELF\x02\x01\x01"s;
    header.resize(16, '\0');
    header += "\x02\0\x3e\0\x01\0\0\0"s;
    header.resize(64, '\0');
    return header;
}

std::string html() { return "<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n"; }

std::string svg() {
    return R"(<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>)";
}

std::string xlsx() {
    auto bytes = tabular::write_xlsx({tabular::Sheet{"Actions", {"Action", "Owner"}, {{"Review referrals", "Asha"}}}});
    EXPECT_TRUE(bytes);
    return bytes ? *bytes : std::string();
}

// minizip writes only to files, so the archive goes through a temporary one.
std::string zip(const std::vector<std::string>& parts) {
    auto path = (std::filesystem::temp_directory_path() / "safeboard-files-zip-XXXXXX").string();
    int fd = ::mkstemp(path.data());
    EXPECT_GE(fd, 0);
    ::close(fd);
    zipFile archive = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
    EXPECT_NE(archive, nullptr);
    const std::string content = "<?xml version=\"1.0\"?><part/>";
    for (const auto& part : parts) {
        zipOpenNewFileInZip64(archive, part.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                              Z_DEFAULT_COMPRESSION, 0);
        zipWriteInFileInZip(archive, content.data(), static_cast<unsigned>(content.size()));
        zipCloseFileInZip(archive);
    }
    zipClose(archive, nullptr);
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::filesystem::remove(path);
    return bytes;
}

}  // namespace safeboard::files::samples
