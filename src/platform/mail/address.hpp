#pragma once
// Mailboxes as settings and callers write them: "Asha Patel <asha@example.org>",
// "<asha@example.org>" or "asha@example.org".
#include <optional>
#include <string>
#include <string_view>

namespace safeboard::mail {

struct Mailbox {
    std::string name;     // the display name, may be empty; UTF-8
    std::string address;  // the envelope address (ASCII: we do not speak SMTPUTF8)
};

// nullopt when the text is not one mailbox. A display name may be quoted
// ("\"Patel, Asha\" <asha@example.org>"). The address is checked for the
// usual dot-atom form: one "@", letters, digits and the few symbols RFC 5322
// allows unquoted, no spaces; quoted local parts and address literals are refused.
std::optional<Mailbox> parse_mailbox(std::string_view text);

// The mailbox as a header writes it: the bare address, or the display name
// (quoted, or as encoded-words when not ASCII) and the address in <>.
std::string header_form(const Mailbox& mailbox);

}  // namespace safeboard::mail
