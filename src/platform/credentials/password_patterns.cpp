#include "platform/credentials/password_patterns.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <string_view>

#include "platform/credentials/password_text.hpp"

namespace safeboard::credentials {
namespace {

constexpr std::size_t kMinimumPersonalWord = 4;
// Shorter runs are everywhere in words: "pass", "first", "party".
constexpr std::size_t kShortestRepeat = 3;
constexpr std::size_t kShortestSequence = 4;

// Runs people type without thinking: the alphabet, the digits ("...890" so
// that 9 -> 0 -> 1 counts, as on a keyboard), the letter rows one after the
// other ("qwertyuiopasdf"), the columns ("1qaz2wsx") and the shifted digits.
constexpr std::array<std::string_view, 5> kSequences = {
    "abcdefghijklmnopqrstuvwxyz", "01234567890", "qwertyuiopasdfghjklzxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/", "!@#$%^&*()"};

// Words that make a password guessable for this service in particular;
// cracklib's dictionary has the common ones, but not with digits added.
constexpr std::string_view kGuessableWords[] = {
    "safeboard", "safeguarding", "safeguard", "safe", "partnership", "partners", "partner", "children", "child",
    "family", "families", "southend", "southendonsea", "essex", "thurrock", "council", "police", "nhs", "lscb",
    "escb", "lscp", "scp", "password", "passwd", "welcome", "letmein", "changeme", "admin", "qwerty",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "spring", "summer", "autumn", "winter", "monday", "friday", "weekend"};

bool is_ascii_punctuation_or_digit(char32_t c) { return c < 0x80 && !is_ascii_letter(c); }

// Common swaps of digits and symbols for letters; 'l' and '1' both become
// 'i' so that "1etmein" and "letmein" meet. ('!' stays a symbol: it ends
// far more passwords than it replaces an i.)
char32_t unswapped(char32_t c) {
    switch (c) {
        case '0': return 'o';
        case '1': case 'l': return 'i';
        case '3': return 'e';
        case '4': case '@': return 'a';
        case '5': case '$': return 's';
        case '7': return 't';
        default: return c;
    }
}

// The forms two texts are compared in: letters only, lower case; and the
// same after undoing swaps. A match in either counts.
std::array<std::u32string, 2> folded(const std::u32string& text) {
    std::array<std::u32string, 2> forms;
    for (char32_t c : text) {
        auto lower = ascii_lower(c);
        if (!is_ascii_punctuation_or_digit(lower)) forms[0] += lower;
        auto plain = unswapped(lower);
        if (!is_ascii_punctuation_or_digit(plain)) forms[1] += plain;
    }
    return forms;
}

// Whether b comes right after a (direction +1) or right before it (-1) in
// `sequence`.
bool steps(char32_t a, char32_t b, std::string_view sequence, int direction) {
    if (a >= 0x80 || b >= 0x80) return false;
    for (auto at = sequence.find(static_cast<char>(a)); at != std::string_view::npos;
         at = sequence.find(static_cast<char>(a), at + 1)) {
        auto next = static_cast<std::ptrdiff_t>(at) + direction;
        if (next < 0 || next >= std::ssize(sequence)) continue;
        if (sequence[static_cast<std::size_t>(next)] == static_cast<char>(b)) return true;
    }
    return false;
}

struct Run {
    std::size_t length = 1;
    bool repeat = false;
};

// The longest run starting at `start` that repeats one character or steps
// one way along one sequence.
Run run_at(const std::u32string& text, std::size_t start) {
    auto extend = [&](auto&& continues) {
        std::size_t end = start + 1;
        while (end < text.size() && continues(text[end - 1], text[end])) ++end;
        return end - start;
    };
    Run longest;
    auto repeat = extend([](char32_t a, char32_t b) { return a == b; });
    if (repeat > 1) longest = {repeat, true};
    for (auto sequence : kSequences) {
        for (int direction : {1, -1}) {
            auto length = extend([&](char32_t a, char32_t b) { return steps(a, b, sequence, direction); });
            if (length > longest.length) longest = {length, false};
        }
    }
    return longest;
}

// Word break: can `text` be cut into words from `words`?
bool made_of(const std::u32string& text, const std::vector<std::u32string>& words) {
    std::vector<bool> reachable(text.size() + 1, false);
    reachable[0] = true;
    for (std::size_t start = 0; start < text.size(); ++start) {
        if (!reachable[start]) continue;
        for (const auto& word : words) {
            if (!word.empty() && text.compare(start, word.size(), word) == 0) reachable[start + word.size()] = true;
        }
    }
    return reachable[text.size()];
}

std::vector<std::u32string> folded_guessable_words(std::size_t form) {
    std::vector<std::u32string> words;
    for (auto word : kGuessableWords) {
        words.push_back(folded(std::u32string(word.begin(), word.end()))[form]);
    }
    return words;
}

// Splits at ASCII characters other than letters (and, when asked, digits).
std::vector<std::u32string> split_words(const std::u32string& text, bool keep_digits) {
    std::vector<std::u32string> words(1);
    for (char32_t c : text) {
        bool separator = c < 0x80 && !is_ascii_letter(c) && !(keep_digits && c >= '0' && c <= '9');
        if (!separator) {
            words.back() += c;
        } else if (!words.back().empty()) {
            words.emplace_back();
        }
    }
    return words;
}

void add_long_words(std::vector<std::u32string>& out, const std::vector<std::u32string>& words) {
    for (const auto& word : words) {
        if (word.size() >= kMinimumPersonalWord) out.push_back(word);
    }
}

}  // namespace

std::string_view core_of(std::string_view password) {
    // Bytes below 0x80 are never part of a multi-byte UTF-8 character, so
    // trimming bytes trims whole characters.
    auto stripped = [](char c) { return is_ascii_punctuation_or_digit(static_cast<unsigned char>(c)); };
    std::size_t first = 0;
    while (first < password.size() && stripped(password[first])) ++first;
    auto last = password.size();
    while (last > first && stripped(password[last - 1])) --last;
    return password.substr(first, last - first);
}

bool is_mostly_runs(const std::u32string& text) {
    std::u32string lower;
    std::ranges::transform(text, std::back_inserter(lower), ascii_lower);
    std::vector<bool> in_run(lower.size(), false);
    for (std::size_t start = 0; start + 1 < lower.size();) {
        auto run = run_at(lower, start);
        if (run.length >= (run.repeat ? kShortestRepeat : kShortestSequence)) {
            std::fill_n(in_run.begin() + static_cast<std::ptrdiff_t>(start), run.length, true);
        }
        // "zaq12wsx": the next run may start on the last character of this one.
        start += run.length > 1 ? run.length - 1 : 1;
    }
    return !lower.empty() && 2 * static_cast<std::size_t>(std::ranges::count(in_run, true)) >= lower.size();
}

bool is_made_of_guessable_words(const std::u32string& text) {
    static const std::array<std::vector<std::u32string>, 2> words = {folded_guessable_words(0),
                                                                     folded_guessable_words(1)};
    auto forms = folded(text);
    for (std::size_t form = 0; form < forms.size(); ++form) {
        if (!forms[form].empty() && made_of(forms[form], words[form])) return true;
    }
    return false;
}

std::vector<std::u32string> personal_words(const std::u32string& email, const std::u32string& name) {
    auto at = email.rfind(U'@');
    auto local = email.substr(0, at);
    std::vector<std::u32string> words;
    add_long_words(words, {local});
    add_long_words(words, split_words(local, true));
    add_long_words(words, split_words(name, false));
    return words;
}

bool contains_personal_word(const std::u32string& password, const std::vector<std::u32string>& words) {
    auto forms = folded(password);
    return std::ranges::any_of(words, [&](const std::u32string& word) {
        auto word_forms = folded(word);
        for (std::size_t form = 0; form < forms.size(); ++form) {
            if (word_forms[form].size() >= kMinimumPersonalWord &&
                forms[form].find(word_forms[form]) != std::u32string::npos) {
                return true;
            }
        }
        return false;
    });
}

}  // namespace safeboard::credentials
