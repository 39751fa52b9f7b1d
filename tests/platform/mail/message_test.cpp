#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <string>

#include "platform/mail/encoding.hpp"
#include "platform/mail/mail.hpp"
#include "platform/mail/mail_text.hpp"

namespace safeboard::mail {
namespace {

using ::testing::HasSubstr;
using ::testing::Optional;
using namespace test;

constexpr std::string_view kDate = "Sun, 22 Nov 2026 10:15:00 +0000";
constexpr std::string_view kId = "<0123456789abcdef@example.org>";

SmtpSettings settings() {
    SmtpSettings settings;
    settings.host = "mail.example.org";
    settings.from = "Safeboard <noreply@example.org>";
    return settings;
}

Message message(std::string subject = "Board meeting tomorrow", std::string text = "Hello") {
    return {{"Asha Patel <asha@example.org>"}, std::move(subject), std::move(text)};
}

std::string formatted(const Message& message) { return format_message(settings(), message, kDate, kId); }

void expect_lines_within_76(const std::string& payload) {
    for (const auto& line : crlf_lines(payload)) EXPECT_LE(line.size(), 76u) << line;
}

std::vector<std::string> fields_of(const Status& status) {
    std::vector<std::string> fields;
    if (status) return fields;
    EXPECT_EQ(status.error().kind, ErrorKind::validation);
    for (const auto& field : status.error().fields) fields.push_back(field.field);
    return fields;
}

TEST(MailMessage, WritesTheHeadersAMailReaderNeeds) {
    Message two{{"Asha Patel <asha@example.org>", "tom@example.org"}, "Board meeting tomorrow", "Hello"};
    EXPECT_EQ(formatted(two),
              "From: Safeboard <noreply@example.org>\r\n"
              "To: Asha Patel <asha@example.org>, tom@example.org\r\n"
              "Subject: Board meeting tomorrow\r\n"
              "Date: Sun, 22 Nov 2026 10:15:00 +0000\r\n"
              "Message-ID: <0123456789abcdef@example.org>\r\n"
              "MIME-Version: 1.0\r\n"
              "Content-Type: text/plain; charset=UTF-8\r\n"
              "Content-Transfer-Encoding: quoted-printable\r\n"
              "\r\n"
              "Hello\r\n");
}

TEST(MailMessage, TheBodyDecodesToTheOriginalUtf8Text) {
    std::string text = "Fee: £20 = €23\r\nZoë's café ✓ 🎉\r\nTabs\tand trailing spaces  \r\n=3D is not decoded twice\r\n";
    std::string payload = formatted(message("Hi", text));
    EXPECT_EQ(decode_quoted_printable(body_of(payload)), text);
    EXPECT_THAT(body_of(payload), HasSubstr("spaces =20\r\n"));  // kept from being stripped in transit
}

TEST(MailMessage, LongLinesAreSoftBrokenWithinSeventySixCharacters) {
    std::string text;
    for (int i = 0; i < 40; ++i) text += "Réunion ";
    text += std::string(200, 'x') + "\n";
    std::string payload = formatted(message("Hi", text));
    expect_lines_within_76(payload);
    EXPECT_EQ(decode_quoted_printable(body_of(payload)), text.substr(0, text.size() - 1) + "\r\n");
}

TEST(MailMessage, LineEndsBecomeCrlfWhateverTheTextUsed) {
    std::string body = body_of(formatted(message("Hi", "one\ntwo\r\nthree\rfour\n\nsix")));
    EXPECT_EQ(decode_quoted_printable(body), "one\r\ntwo\r\nthree\r\nfour\r\n\r\nsix\r\n");
}

TEST(MailMessage, ANonAsciiSubjectIsWrittenAsEncodedWords) {
    std::string subject = "Réunion du conseil — ordre du jour pour le 22 novembre 2026 ✓ (Zoë, Åsa, Łukasz)";
    std::string payload = formatted(message(subject));
    auto header = header_of(payload, "Subject");
    ASSERT_TRUE(header);
    EXPECT_THAT(*header, HasSubstr("=?UTF-8?B?"));
    EXPECT_EQ(decode_encoded_words(*header), subject);
    expect_lines_within_76(payload);
}

TEST(MailMessage, AnAsciiSubjectThatLooksEncodedIsEncodedSoItReadsAsWritten) {
    std::string subject = "Literally =?UTF-8?B?SGk=?= here";
    auto header = header_of(formatted(message(subject)), "Subject");
    ASSERT_TRUE(header);
    EXPECT_NE(*header, subject);
    EXPECT_EQ(decode_encoded_words(*header), subject);
}

TEST(MailMessage, ALongAsciiSubjectIsFoldedAtSpaces) {
    std::string subject;
    for (int i = 0; i < 20; ++i) subject += "reminder ";
    subject += "end";
    std::string payload = formatted(message(subject));
    expect_lines_within_76(payload);
    EXPECT_THAT(header_of(payload, "Subject"), Optional(subject));
}

TEST(MailMessage, DisplayNamesAreQuotedOrEncodedAsNeeded) {
    Message named{{"\"Patel, Asha\" <asha@example.org>", "Zoë Smith <zoe@example.org>"}, "Hi", "Hello"};
    auto to = header_of(formatted(named), "To");
    ASSERT_TRUE(to);
    EXPECT_THAT(*to, HasSubstr("\"Patel, Asha\" <asha@example.org>, "));
    EXPECT_THAT(*to, HasSubstr(" <zoe@example.org>"));
    EXPECT_EQ(decode_encoded_words(to->substr(to->find(">, ") + 3)), "Zoë Smith <zoe@example.org>");
}

TEST(MailMessage, ManyRecipientsFoldTheToHeader) {
    Message many{{}, "Hi", "Hello"};
    std::string expected;
    for (int i = 0; i < 12; ++i) {
        many.to.push_back("member" + std::to_string(i) + "@partnership.example.org");
        expected += (i ? ", " : "") + many.to.back();
    }
    std::string payload = formatted(many);
    expect_lines_within_76(payload);
    EXPECT_THAT(header_of(payload, "To"), Optional(expected));
}

TEST(MailCheck, RefusesALineBreakInTheSubject) {
    Message injected = message("Reminder\r\nBcc: everyone@example.org");
    auto status = check(settings(), injected);
    EXPECT_EQ(fields_of(status), std::vector<std::string>{"subject"});
    EXPECT_THAT(status.error().message, HasSubstr("Subject must not contain a line break"));
    EXPECT_THROW(formatted(injected), std::invalid_argument);
    EXPECT_EQ(fields_of(check(settings(), message("Reminder\nBcc: everyone@example.org"))),
              std::vector<std::string>{"subject"});
}

TEST(MailCheck, RefusesALineBreakInAnAddress) {
    Message injected{{"asha@example.org\r\nBcc: everyone@example.org"}, "Hi", "Hello"};
    auto status = check(settings(), injected);
    EXPECT_EQ(fields_of(status), std::vector<std::string>{"to"});
    EXPECT_THAT(status.error().message, HasSubstr("Recipient 1 must not contain a line break"));

    SmtpSettings from = settings();
    from.from = "Safeboard <noreply@example.org>\nBcc: everyone@example.org";
    EXPECT_EQ(fields_of(check(from, message())), std::vector<std::string>{"from"});
}

TEST(MailCheck, RefusesWhatIsNotAnAddressAndAMessageForNobody) {
    for (std::string text : {"not an address", "a@b@c.org", "", "Asha <asha@example.org", "asha @example.org"}) {
        Message bad{{"tom@example.org", text}, "Hi", "Hello"};
        auto status = check(settings(), bad);
        EXPECT_EQ(fields_of(status), std::vector<std::string>{"to"}) << text;
        if (!status) {
            EXPECT_THAT(status.error().message, HasSubstr("Recipient 2 is not an e-mail address"));
        }
    }
    EXPECT_EQ(fields_of(check(settings(), Message{{}, "Hi", "Hello"})), std::vector<std::string>{"to"});
}

TEST(MailCheck, NamesEveryProblemAtOnce) {
    SmtpSettings bad = settings();
    bad.from = "nobody";
    bad.host = "";
    bad.timeout = std::chrono::milliseconds(0);
    Message wrong{{"asha@example.org"}, "Hi\r\n", "\xff"};
    EXPECT_EQ(fields_of(check(bad, wrong)), (std::vector<std::string>{"host", "timeout", "from", "subject", "text"}));
}

TEST(MailEncoding, Base64MatchesTheRfc4648Examples) {
    EXPECT_EQ(base64(""), "");
    EXPECT_EQ(base64("f"), "Zg==");
    EXPECT_EQ(base64("fo"), "Zm8=");
    EXPECT_EQ(base64("foo"), "Zm9v");
    EXPECT_EQ(base64("foob"), "Zm9vYg==");
    EXPECT_EQ(base64("fooba"), "Zm9vYmE=");
    EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
}

}  // namespace
}  // namespace safeboard::mail
