#include "platform/files/content_type.hpp"

#include <magic.h>

#include <stdexcept>

#include "platform/files/zip_entries.hpp"

namespace safeboard::files {

namespace {

// A libmagic handle is not safe to share between threads; each thread keeps
// its own, loaded on first use and closed when the thread ends.
class Magic {
public:
    Magic() : cookie_(::magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR)) {
        if (cookie_ == nullptr) throw std::runtime_error("libmagic could not start");
        if (::magic_load(cookie_, nullptr) != 0) {
            std::string why = ::magic_error(cookie_) ? ::magic_error(cookie_) : "unknown error";
            ::magic_close(cookie_);
            throw std::runtime_error("libmagic could not load its database: " + why);
        }
    }
    Magic(const Magic&) = delete;
    Magic& operator=(const Magic&) = delete;
    ~Magic() { ::magic_close(cookie_); }

    std::string type_of(std::string_view bytes) const {
        const char* type = ::magic_buffer(cookie_, bytes.data(), bytes.size());
        // libmagic fails only on its own errors; such bytes are simply unknown.
        return type ? type : "application/octet-stream";
    }

private:
    magic_t cookie_;
};

bool may_be_office_open_xml(std::string_view bytes, std::string_view type) {
    return bytes.starts_with("PK\x03\x04") &&
           (type == "application/zip" || type == "application/octet-stream" || type.starts_with("application/vnd."));
}

}  // namespace

std::string sniff_type(std::string_view bytes) {
    thread_local const Magic magic;
    std::string type = magic.type_of(bytes);
    if (may_be_office_open_xml(bytes, type)) {
        if (auto office = office_open_xml_type(bytes)) return *office;
    }
    return type;
}

}  // namespace safeboard::files
