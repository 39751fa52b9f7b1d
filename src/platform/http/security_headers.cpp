#include "platform/http/gate.hpp"

namespace safeboard::http {

// Scripts, styles, fonts and images come only from our own /assets/; inline
// SVG (charts, the QR code) needs no source. form-action keeps forms posting
// back to us even if markup were ever injected.
const char* const content_security_policy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; manifest-src 'self'; form-action 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

void apply_security_headers(Response& response, bool tls) {
    auto set_default = [&response](const char* name, const char* value) {
        if (response.find_header(name).empty()) response.header(name, value);
    };
    set_default("Content-Security-Policy", content_security_policy);
    set_default("X-Content-Type-Options", "nosniff");
    set_default("Referrer-Policy", "no-referrer");
    set_default("Permissions-Policy",
                "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
                "microphone=(), payment=(), usb=(), interest-cohort=()");
    set_default("X-Frame-Options", "DENY");
    set_default("Cross-Origin-Opener-Policy", "same-origin");
    set_default("Cross-Origin-Resource-Policy", "same-origin");
    set_default("Cache-Control", "no-store");
    if (tls) set_default("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

}  // namespace safeboard::http
