#include "platform/credentials/cracklib_check.hpp"

// crack.h uses size_t without including its header.
#include <cstddef>
#include <crack.h>

#include <filesystem>
#include <mutex>
#include <stdexcept>

namespace safeboard::credentials {
namespace {

std::mutex cracklib_mutex;

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

void require_dictionary(const std::string& dictionary) {
    for (const char* suffix : {".pwd", ".pwi"}) {
        if (!std::filesystem::exists(dictionary + suffix)) {
            throw std::runtime_error("the cracklib dictionary " + dictionary + suffix +
                                     " is missing: install cracklib-runtime (or run update-cracklib)");
        }
    }
}

// The English messages of cracklib 2.9; anything else (a translation, or a
// message a later version adds) still refuses the password, as "common".
CracklibVerdict classify(std::string_view message) {
    if (contains(message, "error loading dictionary")) {
        throw std::runtime_error("the cracklib dictionary could not be read");
    }
    if (contains(message, "short")) return CracklibVerdict::too_short;
    if (contains(message, "username") || contains(message, "password entry")) return CracklibVerdict::personal;
    if (contains(message, "simplistic")) return CracklibVerdict::systematic;
    if (contains(message, "DIFFERENT") || contains(message, "whitespace")) return CracklibVerdict::pattern;
    if (contains(message, "National Insurance")) return CracklibVerdict::insurance_number;
    return CracklibVerdict::common;
}

}  // namespace

CracklibVerdict cracklib_verdict(std::string_view password, std::string_view user, std::string_view gecos,
                                 const std::string& dictionary) {
    if (password.find('\0') != std::string_view::npos) throw std::invalid_argument("cracklib cannot check a NUL");
    const std::string password_text(password), user_text(user), gecos_text(gecos);
    std::lock_guard lock(cracklib_mutex);
    require_dictionary(dictionary);
    const char* message =
        FascistCheckUser(password_text.c_str(), dictionary.c_str(), user_text.c_str(), gecos_text.c_str());
    return message ? classify(message) : CracklibVerdict::acceptable;
}

std::string default_cracklib_dictionary() { return GetDefaultCracklibDict(); }

}  // namespace safeboard::credentials
