#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "platform/mail/mail.hpp"
#include "platform/mail/mail_text.hpp"
#include "support/smtp_listener.hpp"

namespace safeboard::mail {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::MatchesRegex;
using ::testing::Not;
using ::testing::Optional;
using safeboard::testing::SmtpListener;
using safeboard::testing::SmtpListenerOptions;
using namespace test;

SmtpSettings settings_for(const SmtpListener& listener, std::string host = "127.0.0.1") {
    SmtpSettings settings;
    settings.host = std::move(host);
    settings.port = listener.port();
    settings.from = "Safeboard <noreply@example.org>";
    return settings;
}

Message reminder(std::vector<std::string> to = {"Asha Patel <asha@example.org>"}) {
    return {std::move(to), "Actions due this week", "Dear Asha,\n\nTwo actions are due on Friday.\n"};
}

std::vector<std::string> verbs(const SmtpListener& listener) {
    std::vector<std::string> verbs;
    for (const auto& command : listener.commands()) verbs.push_back(command.substr(0, command.find(' ')));
    return verbs;
}

// Makes OpenSSL trust one certificate file, as the system store would, for
// the length of a test.
class TrustedCertificate {
public:
    explicit TrustedCertificate(const std::string& pem)
        : path_(std::filesystem::temp_directory_path() /
                ("safeboard-smtp-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                 std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".pem")) {
        std::ofstream(path_) << pem;
        if (const char* old = std::getenv("SSL_CERT_FILE")) previous_ = old;
        setenv("SSL_CERT_FILE", path_.c_str(), 1);
    }
    ~TrustedCertificate() {
        if (previous_) setenv("SSL_CERT_FILE", previous_->c_str(), 1); else unsetenv("SSL_CERT_FILE");
        std::filesystem::remove(path_);
    }

private:
    std::filesystem::path path_;
    std::optional<std::string> previous_;
};

TEST(MailSend, DeliversTheMessageWithItsEnvelopeAndHeaders) {
    SmtpListener listener;
    auto sent = send(settings_for(listener), reminder());
    ASSERT_TRUE(sent) << sent.error().message;

    auto messages = listener.messages();
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0].from, "noreply@example.org");
    EXPECT_THAT(messages[0].to, ElementsAre("asha@example.org"));
    const auto& data = messages[0].data;
    EXPECT_THAT(header_of(data, "From"), Optional(std::string("Safeboard <noreply@example.org>")));
    EXPECT_THAT(header_of(data, "To"), Optional(std::string("Asha Patel <asha@example.org>")));
    EXPECT_THAT(header_of(data, "Subject"), Optional(std::string("Actions due this week")));
    EXPECT_THAT(header_of(data, "Date"),
                Optional(MatchesRegex("[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} \\+0000")));
    EXPECT_THAT(header_of(data, "Message-ID"), Optional(MatchesRegex("<[0-9a-f]{32}@example\\.org>")));
    EXPECT_THAT(header_of(data, "Content-Type"), Optional(std::string("text/plain; charset=UTF-8")));
    EXPECT_EQ(decode_quoted_printable(body_of(data)), "Dear Asha,\r\n\r\nTwo actions are due on Friday.\r\n");
    EXPECT_THAT(verbs(listener), ElementsAre("EHLO", "MAIL", "RCPT", "DATA", "QUIT"));
}

TEST(MailSend, EachMessageHasItsOwnMessageId) {
    SmtpListener listener;
    ASSERT_TRUE(send(settings_for(listener), reminder()));
    ASSERT_TRUE(send(settings_for(listener), reminder()));
    auto messages = listener.messages();
    ASSERT_EQ(messages.size(), 2u);
    EXPECT_NE(header_of(messages[0].data, "Message-ID"), header_of(messages[1].data, "Message-ID"));
}

TEST(MailSend, LinesStartingWithADotArriveWhole) {
    SmtpListener listener;
    Message message = reminder();
    message.text = "Agenda\n.\n.hidden item\n..two dots\nend\n";
    auto sent = send(settings_for(listener), message);
    ASSERT_TRUE(sent) << sent.error().message;
    auto messages = listener.messages();
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(decode_quoted_printable(body_of(messages[0].data)), "Agenda\r\n.\r\n.hidden item\r\n..two dots\r\nend\r\n");
}

TEST(MailSend, SendsOneMessageToEveryRecipient) {
    SmtpListener listener;
    auto sent = send(settings_for(listener), reminder({"asha@example.org", "Tom Reid <tom@example.org>", "li@example.org"}));
    ASSERT_TRUE(sent) << sent.error().message;
    auto messages = listener.messages();
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_THAT(messages[0].to, ElementsAre("asha@example.org", "tom@example.org", "li@example.org"));
    EXPECT_THAT(header_of(messages[0].data, "To"),
                Optional(std::string("asha@example.org, Tom Reid <tom@example.org>, li@example.org")));
}

TEST(MailSend, ARefusedRecipientIsNamedAndNobodyGetsTheMessage) {
    SmtpListener listener(SmtpListenerOptions{.reject_recipients = {"gone@example.org"}});
    auto sent = send(settings_for(listener), reminder({"asha@example.org", "gone@example.org"}));
    ASSERT_FALSE(sent);
    EXPECT_EQ(sent.error().kind, ErrorKind::unavailable);
    EXPECT_THAT(sent.error().message, HasSubstr("RCPT TO <gone@example.org>: 550 5.1.1"));
    EXPECT_THAT(sent.error().message, Not(HasSubstr("asha")));
    EXPECT_THAT(listener.messages(), IsEmpty());
    EXPECT_THAT(verbs(listener), Not(Contains("DATA")));
}

TEST(MailSend, AnUnreachablePortIsAnError) {
    std::uint16_t closed = 0;
    {
        SmtpListener listener;
        closed = listener.port();
    }
    SmtpSettings settings;
    settings.host = "127.0.0.1";
    settings.port = closed;
    settings.from = "noreply@example.org";
    auto sent = send(settings, reminder());
    ASSERT_FALSE(sent);
    EXPECT_EQ(sent.error().kind, ErrorKind::unavailable);
    EXPECT_THAT(sent.error().message, HasSubstr("connect to 127.0.0.1:" + std::to_string(closed)));
}

TEST(MailSend, AConnectionDroppedMidConversationIsAnError) {
    SmtpListener listener(SmtpListenerOptions{.close_at = "DATA"});
    auto sent = send(settings_for(listener), reminder());
    ASSERT_FALSE(sent);
    EXPECT_THAT(sent.error().message, HasSubstr("DATA: the server closed the connection"));
    EXPECT_THAT(listener.messages(), IsEmpty());
}

TEST(MailSend, HeaderInjectionIsRefusedBeforeConnecting) {
    SmtpListener listener;
    Message injected = reminder();
    injected.subject = "Actions\r\nBcc: everyone@example.org";
    auto sent = send(settings_for(listener), injected);
    ASSERT_FALSE(sent);
    EXPECT_EQ(sent.error().kind, ErrorKind::validation);
    EXPECT_THAT(sent.error().message, HasSubstr("Subject"));
    EXPECT_THAT(listener.commands(), IsEmpty());
}

TEST(MailSend, ANonAsciiSubjectArrivesEncodedAndReadsAsWritten) {
    SmtpListener listener;
    Message message = reminder();
    message.subject = "Rappel : réunion à 10 h — Zoë";
    ASSERT_TRUE(send(settings_for(listener), message));
    auto messages = listener.messages();
    ASSERT_EQ(messages.size(), 1u);
    auto subject = header_of(messages[0].data, "Subject");
    ASSERT_TRUE(subject);
    EXPECT_THAT(*subject, MatchesRegex("[ -~]+"));  // ASCII on the wire
    EXPECT_EQ(decode_encoded_words(*subject), message.subject);
}

TEST(MailSend, FallsBackToHeloWhenEhloIsRefused) {
    SmtpListener listener(SmtpListenerOptions{.refuse_ehlo = true});
    auto sent = send(settings_for(listener), reminder());
    ASSERT_TRUE(sent) << sent.error().message;
    EXPECT_THAT(listener.commands(), Contains("HELO safeboard"));
    EXPECT_EQ(listener.messages().size(), 1u);
}

TEST(MailSend, AuthenticatesWithPlainToAServerOnThisMachine) {
    SmtpListener listener(SmtpListenerOptions{.auth = true});
    SmtpSettings settings = settings_for(listener);
    settings.username = "reminders";
    settings.password = "correct horse battery";
    auto sent = send(settings, reminder());
    ASSERT_TRUE(sent) << sent.error().message;
    auto messages = listener.messages();
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0].username, "reminders");
    EXPECT_EQ(messages[0].password, "correct horse battery");
}

TEST(MailSend, StartTlsAskedForButNotOfferedSendsNothing) {
    SmtpListener listener(SmtpListenerOptions{.auth = true});
    SmtpSettings settings = settings_for(listener);
    settings.starttls = true;
    settings.username = "reminders";
    settings.password = "secret";
    auto sent = send(settings, reminder());
    ASSERT_FALSE(sent);
    EXPECT_THAT(sent.error().message, HasSubstr("STARTTLS: the server does not offer it"));
    EXPECT_THAT(verbs(listener), ElementsAre("EHLO"));
}

TEST(MailSend, DeliversOverStartTlsToATrustedCertificate) {
    SmtpListener listener(SmtpListenerOptions{.starttls = true, .auth = true});
    TrustedCertificate trusted(listener.certificate_pem());
    SmtpSettings settings = settings_for(listener, "localhost");
    settings.starttls = true;
    settings.username = "reminders";
    settings.password = "secret";
    auto sent = send(settings, reminder());
    ASSERT_TRUE(sent) << sent.error().message;
    auto messages = listener.messages();
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_TRUE(messages[0].encrypted);
    EXPECT_EQ(messages[0].username, "reminders");  // AUTH came after the handshake
    EXPECT_THAT(verbs(listener), ElementsAre("EHLO", "STARTTLS", "EHLO", "AUTH", "MAIL", "RCPT", "DATA", "QUIT"));
}

TEST(MailSend, RefusesAnUntrustedCertificateBeforeSendingThePassword) {
    SmtpListener listener(SmtpListenerOptions{.starttls = true, .auth = true});
    SmtpSettings settings = settings_for(listener, "localhost");
    settings.starttls = true;
    settings.username = "reminders";
    settings.password = "secret";
    auto sent = send(settings, reminder());
    ASSERT_FALSE(sent);
    EXPECT_THAT(sent.error().message, HasSubstr("STARTTLS: the server's certificate is refused"));
    EXPECT_THAT(verbs(listener), ElementsAre("EHLO", "STARTTLS"));
    EXPECT_THAT(listener.messages(), IsEmpty());
}

TEST(MailSend, RefusesACertificateForAnotherHostName) {
    SmtpListener listener(SmtpListenerOptions{.starttls = true});
    TrustedCertificate trusted(listener.certificate_pem());
    auto sent = send([&] {
        SmtpSettings settings = settings_for(listener, "127.0.0.1");  // the certificate names localhost
        settings.starttls = true;
        return settings;
    }(), reminder());
    ASSERT_FALSE(sent);
    EXPECT_THAT(sent.error().message, HasSubstr("STARTTLS: the server's certificate is refused"));
    EXPECT_THAT(listener.messages(), IsEmpty());
}

}  // namespace
}  // namespace safeboard::mail
