#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "platform/credentials/password_policy.hpp"

namespace safeboard::credentials {
namespace {

using namespace std::string_literals;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const PolicyContext kJane{"jane.okafor@southend.gov.uk", "Jane Okafor"};

constexpr const char* kTooShort = "Password must be 12 characters or more";
constexpr const char* kTooLong = "Password must be 128 characters or fewer";
constexpr const char* kCommon = "Password is too common; choose one that is harder to guess";
constexpr const char* kPersonal = "Password must not contain your email address or name";
constexpr const char* kPattern =
    "Password must not be based on repeated characters or a simple sequence, such as aaaa, 1234 or qwerty";

std::vector<std::string> problems(std::string_view password, const PolicyContext& context = kJane) {
    return password_problems(password, context);
}

std::string repeat(std::string_view unit, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += unit;
    return out;
}

TEST(PasswordPolicy, AcceptsPassphrasesAndRandomPasswords) {
    EXPECT_THAT(problems("correct horse battery staple"), IsEmpty());
    EXPECT_THAT(problems("purple-monkey-dishwasher"), IsEmpty());
    EXPECT_THAT(problems("Tr0ub4dor&3xyz"), IsEmpty());
    EXPECT_THAT(problems("xk9-plum-ravine-42"), IsEmpty());
    EXPECT_THAT(problems("Mae'r ŵyn yn chwarae"), IsEmpty());
}

TEST(PasswordPolicy, EmptyAsksForAPassword) { EXPECT_THAT(problems(""), ElementsAre("Enter a password")); }

TEST(PasswordPolicy, LengthCountsCharactersNotBytes) {
    EXPECT_THAT(problems("plum ravine"), ElementsAre(kTooShort));
    EXPECT_THAT(problems("plum ravine!"), IsEmpty());
    // 11 and 12 characters, each of two or three bytes.
    EXPECT_THAT(problems("ŵŷâêîôûẁỳáé"), ElementsAre(kTooShort));
    EXPECT_THAT(problems("ŵŷâêîôûẁỳáéí"), IsEmpty());
}

TEST(PasswordPolicy, AtMost128Characters) {
    auto words = repeat("plum ravine kettle ", 7);  // 133 characters
    EXPECT_THAT(problems(words.substr(0, 128)), IsEmpty());
    EXPECT_THAT(problems(words.substr(0, 129)), ElementsAre(kTooLong));
    auto welsh = repeat("ŵ", 64) + repeat("ŷ", 64) + "é";  // 129 characters, 387 bytes
    EXPECT_THAT(problems(welsh), testing::Contains(kTooLong));
}

TEST(PasswordPolicy, RefusesBytesThatAreNotText) {
    EXPECT_THAT(problems("correct horse \xff battery"), ElementsAre("Password must be text"));
    EXPECT_THAT(problems("correct horse \xc0\xa0 battery"), ElementsAre("Password must be text"));  // overlong space
    EXPECT_THAT(problems("correct horse \xed\xa0\x80 battery"), ElementsAre("Password must be text"));  // surrogate
}

TEST(PasswordPolicy, RefusesControlCharacters) {
    const char* kControl = "Password must not contain control characters";
    EXPECT_THAT(problems("correct horse\tbattery staple"), ElementsAre(kControl));
    EXPECT_THAT(problems("correct horse\nbattery staple"), ElementsAre(kControl));
    EXPECT_THAT(problems("correct horse\0battery staple"s), ElementsAre(kControl));
    EXPECT_THAT(problems("correct horse\x7f battery staple"), ElementsAre(kControl));
    EXPECT_THAT(problems("correct horse\u0085battery staple"), ElementsAre(kControl));
    EXPECT_THAT(problems("short\t"), ElementsAre(kTooShort, kControl));
}

TEST(PasswordPolicy, RefusesCommonWordsWithDigitsAndSymbolsAdded) {
    // cracklib alone accepts these: it trims at most three characters from
    // each end before looking a word up.
    EXPECT_THAT(problems("password1234"), ElementsAre(kCommon));
    EXPECT_THAT(problems("Password1234!"), ElementsAre(kCommon));
    EXPECT_THAT(problems("P@ssw0rd1234"), ElementsAre(kCommon));
    EXPECT_THAT(problems("letmein12345"), ElementsAre(kCommon));
    EXPECT_THAT(problems("football2024!"), ElementsAre(kCommon));
    EXPECT_THAT(problems("2024!Sunshine"), ElementsAre(kCommon));
    EXPECT_THAT(problems("Tr0ub4dor&3!"), ElementsAre(kCommon));
}

TEST(PasswordPolicy, RefusesWordsThatAreGuessableHere) {
    EXPECT_THAT(problems("Safeboard2024!"), ElementsAre(kCommon));
    EXPECT_THAT(problems("Thurrock12345"), ElementsAre(kCommon));
    EXPECT_THAT(problems("Essex Safeguarding 1"), ElementsAre(kCommon));
    EXPECT_THAT(problems("5afeguard1ng!!"), ElementsAre(kCommon));
    EXPECT_THAT(problems("September2024"), ElementsAre(kCommon));
    EXPECT_THAT(problems("Summer2024Summer"), ElementsAre(kCommon));
    EXPECT_THAT(problems("LSCB-Partnership"), ElementsAre(kCommon));
    // A guessable word inside a longer phrase is fine.
    EXPECT_THAT(problems("essex marsh wren at dusk"), IsEmpty());
}

TEST(PasswordPolicy, RefusesRepeatsAndSequences) {
    EXPECT_THAT(problems("aaaaaaaaaaaa"), ElementsAre(kPattern));
    EXPECT_THAT(problems("123456789012"), ElementsAre(kPattern));
    EXPECT_THAT(problems("abcdefghijkl"), ElementsAre(kPattern));
    EXPECT_THAT(problems("ZYXWVUTSRQPO"), ElementsAre(kPattern));
    // Also in cracklib's dictionary, so "too common" as well.
    EXPECT_THAT(problems("qwertyuiop12"), ElementsAre(kPattern, kCommon));
    EXPECT_THAT(problems("abcabcabcabc"), ElementsAre(kPattern));
    EXPECT_THAT(problems("qwertyuiopasdf"), ElementsAre(kPattern));
    EXPECT_THAT(problems("1qaz2wsx3edc"), ElementsAre(kPattern));
    EXPECT_THAT(problems("monkey123456"), testing::Contains(kPattern));
    EXPECT_THAT(problems("abcd1234abcd"), ElementsAre(kPattern));
}

TEST(PasswordPolicy, NeighbouringLettersInWordsAreFine) {
    // cracklib calls this "too simplistic/systematic" (po, lk, xy, op, on).
    EXPECT_THAT(problems("polkadot-xylophone"), IsEmpty());
    EXPECT_THAT(problems("Xylophone Pedestal"), IsEmpty());
    // Short runs are in most words: pas, rst, rty, def.
    EXPECT_THAT(problems("ghost defenders party"), IsEmpty());
}

TEST(PasswordPolicy, RefusesTheEmailAndName) {
    EXPECT_THAT(problems("jane.okafor-rocks"), ElementsAre(kPersonal));
    EXPECT_THAT(problems("OKAFOR plum ravine"), ElementsAre(kPersonal));
    EXPECT_THAT(problems("plum ravine 0kaf0r"), ElementsAre(kPersonal));
    EXPECT_THAT(problems("janeokafor1985"), ElementsAre(kPersonal));
    // Name parts shorter than four characters are too common to refuse.
    EXPECT_THAT(problems("li plum ravine wu", PolicyContext{"li.wu@example.org", "Li Wu"}), IsEmpty());
    // Without a context, the same password is fine.
    EXPECT_THAT(problems("OKAFOR plum ravine", PolicyContext{}), IsEmpty());
}

TEST(PasswordPolicy, GivesEveryProblemAtOnce) {
    EXPECT_THAT(problems("password"), ElementsAre(kTooShort, kCommon));
    EXPECT_THAT(problems("okafor123"), ElementsAre(kTooShort, kPersonal));
}

TEST(PasswordPolicy, ExplainsInItsOwnWords) {
    for (auto password : {"aaaaaaaaaaaa", "qwertyuiop12", "monkey123456", "1q2w3e4r5t6y", "Hippopotamus1",
                          "AB123456Cxyz", "password", "a"}) {
        for (const auto& problem : problems(password)) {
            EXPECT_TRUE(problem.starts_with("Password") || problem.starts_with("Enter")) << problem;
            EXPECT_EQ(problem.find("it is"), std::string::npos) << problem;
        }
    }
}

TEST(PasswordPolicy, MissingDictionaryIsAnErrorNotAPass) {
    try {
        password_problems("correct horse battery staple", kJane, "/nonexistent/cracklib_dict");
        FAIL() << "a missing dictionary must not let passwords through";
    } catch (const std::runtime_error& error) {
        EXPECT_THAT(error.what(), testing::HasSubstr("cracklib"));
    }
}

TEST(PasswordPolicy, SafeToCallFromManyThreads) {
    // cracklib keeps its dictionary state in statics; unguarded, parallel
    // checks read each other's words.
    std::vector<int> wrong(4, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < wrong.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 10; ++i) {
                if (!problems("correct horse battery staple").empty()) ++wrong[t];
                if (problems("letmein12345") != std::vector<std::string>{kCommon}) ++wrong[t];
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_THAT(wrong, testing::Each(0));
}

}  // namespace
}  // namespace safeboard::credentials
