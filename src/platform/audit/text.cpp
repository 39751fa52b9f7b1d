#include "platform/audit/text.hpp"

#include <cstdio>

#include "platform/core/text.hpp"

namespace safeboard::audit::text {
namespace {

void append_escaped_control(std::string& out, char c) {
    switch (c) {
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: break;
    }
    char escaped[8];
    std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
    out += escaped;
}

}  // namespace

void append_json_string(std::string& out, std::string_view value) {
    out += '"';
    for (std::size_t at = 0; at < value.size();) {
        std::size_t length = utf8_sequence_length(value, at);
        char c = value[at];
        if (length == 0) {
            out += "\\ufffd";
            ++at;
            continue;
        }
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            append_escaped_control(out, c);
        } else {
            out.append(value.substr(at, length));
        }
        at += length;
    }
    out += '"';
}

}  // namespace safeboard::audit::text
