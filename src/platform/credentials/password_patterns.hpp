#pragma once
// The guessable shapes a password checked here must not have, beyond what
// cracklib's dictionary finds. Each takes the password as code points.
#include <string>
#include <string_view>
#include <vector>

namespace safeboard::credentials {

// The password (UTF-8) without the ASCII digits, punctuation and spaces at
// either end, which people add to a word: "!Password1234" -> "Password".
std::string_view core_of(std::string_view password);

// Whether at least half the text is in runs of one character repeated
// three or more times ("aaa") or of four or more characters stepping one way
// along the alphabet, the digits or the keyboard ("abcd", "4321", "qwer",
// "1qaz"), ignoring case: "qwertyuiop12" and "monkey123456" are, while
// "polkadot-xylophone" and "ghost defenders" are not.
bool is_mostly_runs(const std::u32string& text);

// Made only of words anyone would try first here: the service, the
// partnership's places and bodies, months, seasons, "password"; ignoring
// case, digits and symbols, and common swaps such as 0 for o. Try it on the
// core as well as the whole: "5afeguard1ng" has no core to speak of.
bool is_made_of_guessable_words(const std::u32string& text);

// The words of a person's email local part and name that are 4 characters
// or longer, for contains_personal_word().
std::vector<std::u32string> personal_words(const std::u32string& email, const std::u32string& name);

// Whether any of those words appears in the password, ignoring case,
// symbols and common swaps.
bool contains_personal_word(const std::u32string& password, const std::vector<std::u32string>& words);

}  // namespace safeboard::credentials
