#include "platform/credentials/sodium.hpp"

#include <sodium.h>

#include <stdexcept>

namespace safeboard::credentials {

void ensure_sodium() {
    // sodium_init() is itself safe to call twice, but a static makes the
    // check cost nothing after the first call.
    static const int status = sodium_init();
    if (status < 0) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace safeboard::credentials
