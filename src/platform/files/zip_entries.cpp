#include "platform/files/zip_entries.hpp"

#include <algorithm>
#include <cstdint>

namespace safeboard::files {

namespace {

// Field offsets from the zip specification (APPNOTE.TXT 4.3.12 and 4.3.16).
constexpr std::uint32_t kEndSignature = 0x06054b50;
constexpr std::uint32_t kEntrySignature = 0x02014b50;
constexpr std::size_t kEndSize = 22;
constexpr std::size_t kEntrySize = 46;
constexpr std::size_t kMaxComment = 0xFFFF;

std::uint32_t little_endian(std::string_view bytes, std::size_t at, std::size_t width) {
    std::uint32_t value = 0;
    for (std::size_t k = width; k-- > 0;) value = (value << 8) | static_cast<unsigned char>(bytes[at + k]);
    return value;
}

// The end-of-central-directory record sits within the last 22 + 65535 bytes
// (it may be followed by an archive comment).
std::optional<std::size_t> end_record(std::string_view bytes) {
    if (bytes.size() < kEndSize) return std::nullopt;
    std::size_t lowest = bytes.size() > kEndSize + kMaxComment ? bytes.size() - kEndSize - kMaxComment : 0;
    for (std::size_t at = bytes.size() - kEndSize + 1; at-- > lowest;) {
        if (little_endian(bytes, at, 4) == kEndSignature) return at;
    }
    return std::nullopt;
}

struct Entry {
    std::string_view name;
    std::size_t next;  // where the following entry starts
};

// One central directory entry at `at`, which must lie wholly within
// `directory` (the bytes before the end record).
std::optional<Entry> entry_at(std::string_view directory, std::size_t at) {
    if (at + kEntrySize > directory.size() || little_endian(directory, at, 4) != kEntrySignature) return std::nullopt;
    std::size_t name_length = little_endian(directory, at + 28, 2);
    std::size_t extra_length = little_endian(directory, at + 30, 2);
    std::size_t comment_length = little_endian(directory, at + 32, 2);
    if (at + kEntrySize + name_length > directory.size()) return std::nullopt;
    return Entry{directory.substr(at + kEntrySize, name_length),
                 at + kEntrySize + name_length + extra_length + comment_length};
}

bool is_part(const std::vector<std::string>& names, std::string_view name) {
    return std::ranges::find(names, name) != names.end();
}

bool has_folder(const std::vector<std::string>& names, std::string_view folder) {
    return std::ranges::any_of(names, [&](const std::string& name) { return name.starts_with(folder); });
}

struct Office {
    std::string_view folder;
    std::string_view type;
    std::string_view macro_type;
};

constexpr Office kOffice[] = {
    {"word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     "application/vnd.ms-word.document.macroEnabled.12"},
    {"xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
     "application/vnd.ms-excel.sheet.macroEnabled.12"},
    {"ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
     "application/vnd.ms-powerpoint.presentation.macroEnabled.12"},
};

}  // namespace

std::vector<std::string> zip_entry_names(std::string_view bytes) {
    auto end = end_record(bytes);
    if (!end) return {};
    std::size_t count = little_endian(bytes, *end + 10, 2);
    std::size_t at = little_endian(bytes, *end + 16, 4);
    std::vector<std::string> names;
    while (names.size() < count) {
        auto entry = entry_at(bytes.substr(0, *end), at);
        if (!entry) return {};
        names.emplace_back(entry->name);
        at = entry->next;
    }
    return names;
}

std::optional<std::string> office_open_xml_type(std::string_view bytes) {
    auto names = zip_entry_names(bytes);
    if (!is_part(names, "[Content_Types].xml")) return std::nullopt;
    bool macros = std::ranges::any_of(names, [](const std::string& name) { return name.ends_with("vbaProject.bin"); });
    for (const auto& office : kOffice) {
        if (has_folder(names, office.folder)) return std::string(macros ? office.macro_type : office.type);
    }
    return std::nullopt;
}

}  // namespace safeboard::files
