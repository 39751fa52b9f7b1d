#pragma once
// cracklib's FascistCheck, sorted into the kinds of problem we explain in
// our own words (its messages are terse and some are translated).
#include <string>
#include <string_view>

namespace safeboard::credentials {

enum class CracklibVerdict {
    acceptable,
    too_short,         // our own length rule says this better
    common,            // a dictionary word, mangled or reversed
    pattern,           // too few different characters, or all spaces
    // Many neighbouring letters ("polkadot-xylophone" has po, lk, xy, op,
    // on): a crude test that refuses good passphrases. cracklib stops at it,
    // so such a password gets no dictionary look-up either.
    systematic,
    personal,          // based on the user's email or name
    insurance_number,  // shaped like a National Insurance number
};

// Checks `password` (no NUL bytes) against the dictionary at `dictionary`
// (the path without .pwd/.pwi), with `user` and `gecos` standing in for the
// account cracklib would otherwise read from /etc/passwd. Serialised: cracklib
// keeps state in statics. Throws std::runtime_error when the dictionary
// cannot be read, so a missing dictionary never lets every password through.
CracklibVerdict cracklib_verdict(std::string_view password, std::string_view user, std::string_view gecos,
                                 const std::string& dictionary);

// cracklib's compiled-in dictionary, e.g. /var/cache/cracklib/cracklib_dict.
std::string default_cracklib_dictionary();

}  // namespace safeboard::credentials
