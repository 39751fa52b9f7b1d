#include "platform/core/error.hpp"

namespace safeboard {

const char* to_string(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::validation: return "validation";
    case ErrorKind::not_found: return "not_found";
    case ErrorKind::conflict: return "conflict";
    case ErrorKind::forbidden: return "forbidden";
    case ErrorKind::unauthenticated: return "unauthenticated";
    case ErrorKind::unavailable: return "unavailable";
    case ErrorKind::internal: return "internal";
    }
    return "internal";
}

}  // namespace safeboard
