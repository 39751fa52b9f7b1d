#include "platform/credentials/password_policy.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "platform/credentials/cracklib_check.hpp"
#include "platform/credentials/password_patterns.hpp"
#include "platform/core/text.hpp"
#include "platform/credentials/password_text.hpp"

namespace safeboard::credentials {
namespace {

constexpr std::string_view kEmpty = "Enter a password";
constexpr std::string_view kNotText = "Password must be text";
constexpr std::string_view kControl = "Password must not contain control characters";
constexpr std::string_view kTooShort = "Password must be 12 characters or more";
constexpr std::string_view kTooLong = "Password must be 128 characters or fewer";
constexpr std::string_view kPersonal = "Password must not contain your email address or name";
constexpr std::string_view kCommon = "Password is too common; choose one that is harder to guess";
constexpr std::string_view kPattern =
    "Password must not be based on repeated characters or a simple sequence, such as aaaa, 1234 or qwerty";
constexpr std::string_view kInsuranceNumber = "Password must not be a National Insurance number";

// Each problem once, in the order found.
class Problems {
public:
    void add(std::string_view problem) {
        if (std::ranges::find(list_, problem) == list_.end()) list_.emplace_back(problem);
    }
    std::vector<std::string> take() { return std::move(list_); }

private:
    std::vector<std::string> list_;
};

std::u32string as_text(std::string_view bytes) { return decode_utf8(bytes).value_or(std::u32string{}); }

void check_length(const std::u32string& text, Problems& problems) {
    if (text.size() < kPasswordMinimumLength) problems.add(kTooShort);
    if (text.size() > kPasswordMaximumLength) problems.add(kTooLong);
}

void add_cracklib_verdict(CracklibVerdict verdict, Problems& problems) {
    switch (verdict) {
        case CracklibVerdict::acceptable:
        case CracklibVerdict::too_short:
        case CracklibVerdict::systematic: return;
        case CracklibVerdict::common: problems.add(kCommon); return;
        case CracklibVerdict::pattern: problems.add(kPattern); return;
        case CracklibVerdict::personal: problems.add(kPersonal); return;
        case CracklibVerdict::insurance_number: problems.add(kInsuranceNumber); return;
    }
}

// cracklib strips at most three characters from each end before looking a
// word up, so "password1234" passes it; the core is looked up as well.
void check_with_cracklib(std::string_view password, std::string_view core, const PolicyContext& context,
                         const std::string& dictionary, Problems& problems) {
    auto user = context.email.substr(0, context.email.rfind('@'));
    add_cracklib_verdict(cracklib_verdict(password, user, context.name, dictionary), problems);
    if (core.empty() || core.size() == password.size()) return;
    auto core_verdict = cracklib_verdict(core, user, context.name, dictionary);
    if (core_verdict == CracklibVerdict::common || core_verdict == CracklibVerdict::personal) {
        add_cracklib_verdict(core_verdict, problems);
    }
}

void check_guessable(const std::u32string& text, std::string_view core_bytes, const PolicyContext& context,
                     Problems& problems) {
    auto core = as_text(core_bytes);
    if (contains_personal_word(text, personal_words(as_text(context.email), as_text(context.name)))) {
        problems.add(kPersonal);
    }
    if (is_made_of_guessable_words(core) || is_made_of_guessable_words(text)) problems.add(kCommon);
    if (is_mostly_runs(text)) problems.add(kPattern);
}

}  // namespace

std::vector<std::string> password_problems(std::string_view password, const PolicyContext& context) {
    return password_problems(password, context, default_cracklib_dictionary());
}

std::vector<std::string> password_problems(std::string_view password, const PolicyContext& context,
                                           const std::string& dictionary) {
    if (password.empty()) return {std::string(kEmpty)};
    auto text = decode_utf8(password);
    if (!text) return {std::string(kNotText)};
    Problems problems;
    check_length(*text, problems);
    // The other checks read the password as a C string and as words, which
    // control characters (NUL among them) would defeat.
    if (std::ranges::any_of(*text, is_control)) {
        problems.add(kControl);
        return problems.take();
    }
    auto core = core_of(password);
    check_guessable(*text, core, context, problems);
    check_with_cracklib(password, core, context, dictionary, problems);
    return problems.take();
}

}  // namespace safeboard::credentials
