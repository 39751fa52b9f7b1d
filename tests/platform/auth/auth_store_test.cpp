// Accounts, sessions, tokens and signing in, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "platform/auth/api_tokens.hpp"
#include "platform/auth/sessions.hpp"
#include "platform/credentials/totp.hpp"
#include "platform/credentials/secrets.hpp"
#include "auth_fixture.hpp"

namespace safeboard::auth {
namespace {

using testing::AuthTest;
using Outcome = Authenticator::Outcome;

class Accounts : public AuthTest {};

TEST_P(Accounts, EmailsAreUniqueWhateverTheirCase) {
    add_user("Ann.Lead@Example.org", access::Role::viewer);
    auto again = create_user(*db_, {"ann.lead@example.ORG", "Another Ann", {{access::Role::viewer, {}}}}, std::nullopt, actor_, exists_);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ErrorKind::conflict);
    EXPECT_EQ(again.error().fields.at(0).field, "email");
    EXPECT_TRUE(find_user_by_email(*db_, "ANN.LEAD@example.org"));
}

TEST_P(Accounts, EveryBadFieldIsNamedAtOnceAndNothingIsStored) {
    auto created = create_user(*db_, {"not-an-email", std::string("Bad\x01name"), {{access::Role::viewer, {access::ScopeKind::partnership, 999}}}},
                               std::nullopt, actor_, exists_);
    ASSERT_FALSE(created);
    std::vector<std::string> fields;
    for (const auto& e : created.error().fields) fields.push_back(e.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"email", "name", "scope"}));
    EXPECT_TRUE(list_users(*db_, 10).empty());
    EXPECT_EQ(audit::verify_chain(*db_).entries, 0);
}

TEST_P(Accounts, MetacharactersAreStoredAsTheyWereTyped) {
    auto user = add_user("o'brien@example.org", access::Role::viewer);
    auto found = find_user(*db_, user.id);
    EXPECT_EQ(found->email, "o'brien@example.org");
    auto created = create_user(*db_, {"x@example.org", "<script>alert(1)</script>'; DROP TABLE users; --",
                                      {{access::Role::viewer, {}}}}, std::nullopt, actor_, exists_);
    ASSERT_TRUE(created);
    EXPECT_EQ(created->name, "<script>alert(1)</script>'; DROP TABLE users; --");
    EXPECT_EQ(list_users(*db_, 10).size(), 2u);
}

TEST_P(Accounts, DisablingEndsEverySessionAndTokenAtOnce) {
    auto user = add_user("lead@example.org", access::Role::agency_lead);
    auto session = start_session(*db_, user.id, false, now_, {}, "", "");
    auto token = create_api_token(*db_, user.id, "script", std::nullopt, now_, actor_);
    ASSERT_TRUE(token);
    ASSERT_TRUE(disable_user(*db_, user.id, actor_));
    EXPECT_EQ(find_session(*db_, session.cookie_value, now_, {}).state, SessionLookup::State::none);
    EXPECT_FALSE(use_api_token(*db_, token->secret, now_));
    EXPECT_EQ(auth_->sign_in(*db_, "lead@example.org", "correct horse battery staple", client_).outcome, Outcome::refused);
}

class Sessions : public AuthTest {};

TEST_P(Sessions, OnlyTheHashOfTheIdIsStored) {
    auto user = add_user("a@example.org", access::Role::viewer);
    auto started = start_session(*db_, user.id, false, now_, {}, "", "");
    EXPECT_EQ(started.cookie_value.size(), 43u);  // 256 bits, base64url
    auto stored = db_->query("SELECT id_hash FROM sessions").rows.at(0).text(0);
    EXPECT_NE(stored, started.cookie_value);
    EXPECT_EQ(stored, credentials::token_hash(started.cookie_value));
}

TEST_P(Sessions, EndAfterThirtyIdleMinutesAndTwelveHoursInAll) {
    SessionPolicy policy;
    auto user = add_user("a@example.org", access::Role::viewer);
    auto idle = start_session(*db_, user.id, false, now_, policy, "", "");
    EXPECT_EQ(find_session(*db_, idle.cookie_value, now_ + 29 * 60, policy).state, SessionLookup::State::live);
    EXPECT_EQ(find_session(*db_, idle.cookie_value, now_ + 30 * 60, policy).state, SessionLookup::State::expired);
    EXPECT_EQ(find_session(*db_, idle.cookie_value, now_, policy).state, SessionLookup::State::none);

    auto busy = start_session(*db_, user.id, false, now_, policy, "", "");
    UnixSeconds t = now_;
    for (; t < now_ + 12 * 3600 - 60; t += 20 * 60) {
        auto lookup = find_session(*db_, busy.cookie_value, t, policy);
        ASSERT_EQ(lookup.state, SessionLookup::State::live) << t - now_;
        touch_session(*db_, lookup.session, t);
    }
    EXPECT_EQ(find_session(*db_, busy.cookie_value, now_ + 12 * 3600, policy).state, SessionLookup::State::expired);
}

TEST_P(Sessions, ANewIdAtEachStepMakesTheOldOneWorthless) {
    auto user = add_user("a@example.org", access::Role::viewer);
    auto started = start_session(*db_, user.id, true, now_, {}, "", "");
    auto renewed = rotate_session(*db_, started.session.id, false, now_);
    EXPECT_EQ(find_session(*db_, started.cookie_value, now_, {}).state, SessionLookup::State::none);
    auto lookup = find_session(*db_, renewed.cookie_value, now_, {});
    ASSERT_EQ(lookup.state, SessionLookup::State::live);
    EXPECT_FALSE(lookup.session.second_factor_due);
    EXPECT_NE(lookup.session.csrf_token, started.session.csrf_token);
    EXPECT_EQ(lookup.session.csrf_token, renewed.csrf_token);
}

class ApiTokens : public AuthTest {};

TEST_P(ApiTokens, ExpireAndRevokeAndBelongToTheirUser) {
    auto owner = add_user("owner@example.org", access::Role::viewer);
    auto other = add_user("other@example.org", access::Role::viewer);
    auto expiring = create_api_token(*db_, owner.id, "nightly", now_ + 3600, now_, actor_);
    ASSERT_TRUE(expiring);
    EXPECT_TRUE(expiring->secret.starts_with("sbt_"));
    EXPECT_TRUE(use_api_token(*db_, expiring->secret, now_ + 3599));
    EXPECT_FALSE(use_api_token(*db_, expiring->secret, now_ + 3600));
    auto kept = create_api_token(*db_, owner.id, "kept", std::nullopt, now_, actor_);
    EXPECT_EQ(revoke_api_token(*db_, other.id, kept->token.id, now_, actor_).error().kind, ErrorKind::not_found);
    EXPECT_TRUE(use_api_token(*db_, kept->secret, now_));
    EXPECT_TRUE(revoke_api_token(*db_, owner.id, kept->token.id, now_, actor_));
    EXPECT_FALSE(use_api_token(*db_, kept->secret, now_));
    for (std::string forged : {std::string(), std::string("sbt_"), std::string("sbt_' OR 1=1 --"), std::string("Bearer x"), std::string(5000, 'a')}) {
        EXPECT_FALSE(use_api_token(*db_, forged, now_)) << forged;
    }
    auto bad = create_api_token(*db_, owner.id, std::string("line\nbreak"), now_ - 1, now_, actor_);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().fields.size(), 2u);
}

class SigningIn : public AuthTest {};

TEST_P(SigningIn, UnknownAndKnownEmailsGetTheSameAnswer) {
    add_user("known@example.org", access::Role::viewer);
    EXPECT_EQ(auth_->sign_in(*db_, "known@example.org", "wrong password value", client_).outcome, Outcome::refused);
    EXPECT_EQ(auth_->sign_in(*db_, "unknown@example.org", "wrong password value", client_).outcome, Outcome::refused);
    auto ok = auth_->sign_in(*db_, "KNOWN@example.org", "correct horse battery staple", client_);
    EXPECT_EQ(ok.outcome, Outcome::signed_in);
    ASSERT_TRUE(ok.session);
    audit::Search search;
    search.action = "sign_in.failed";
    EXPECT_EQ(audit::search(*db_, search).size(), 2u);
}

TEST_P(SigningIn, JunkInTheEmailFieldIsAnOrdinaryRefusal) {
    for (const auto& email : std::vector<std::string>{"\xff\xfe@example.org", std::string(300, 'a'), "a\x01@b.c",
                                                      "' OR 1=1 --"}) {
        EXPECT_EQ(auth_->sign_in(*db_, email, "wrong password value", client_).outcome, Outcome::refused);
    }
    EXPECT_TRUE(audit::verify_chain(*db_).ok());
}

TEST_P(SigningIn, FiveFailuresLockTheAccountForTheWindowWhetherItExistsOrNot) {
    add_user("known@example.org", access::Role::viewer);
    for (const char* email : {"known@example.org", "ghost@example.org"}) {
        for (int i = 0; i < 5; ++i) {
            EXPECT_EQ(auth_->sign_in(*db_, email, "wrong password value", client_).outcome, Outcome::refused);
        }
        EXPECT_EQ(auth_->sign_in(*db_, email, "correct horse battery staple", client_).outcome, Outcome::throttled) << email;
    }
    now_ += 15 * 60 + 1;
    EXPECT_EQ(auth_->sign_in(*db_, "known@example.org", "correct horse battery staple", client_).outcome,
              Outcome::signed_in);
}

TEST_P(SigningIn, OneAddressIsThrottledAcrossAccounts) {
    for (int i = 0; i < 30; ++i) auth_->sign_in(*db_, "user" + std::to_string(i) + "@example.org", "wrong password value", client_);
    add_user("fresh@example.org", access::Role::viewer);
    EXPECT_EQ(auth_->sign_in(*db_, "fresh@example.org", "correct horse battery staple", client_).outcome, Outcome::throttled);
    Client elsewhere{"198.51.100.7", "", ""};
    EXPECT_EQ(auth_->sign_in(*db_, "fresh@example.org", "correct horse battery staple", elsewhere).outcome, Outcome::signed_in);
}

TEST_P(SigningIn, PasswordsAreRehashedWhenTheParametersRise) {
    add_user("a@example.org", access::Role::viewer);
    AuthSettings stronger = auth_->settings();
    stronger.hashing = {2, 128 * 1024};
    Authenticator raised(stronger);
    EXPECT_EQ(raised.sign_in(*db_, "a@example.org", "correct horse battery staple", client_).outcome, Outcome::signed_in);
    auto phc = find_user_by_email(*db_, "a@example.org")->password_hash.value();
    EXPECT_NE(phc.find("m=128,t=2"), std::string::npos) << phc;
    EXPECT_FALSE(credentials::needs_rehash(phc, stronger.hashing));
}

TEST_P(SigningIn, CaseLevelRolesMustEnrolAndEachCodeWorksOnce) {
    add_user("panel@example.org", access::Role::review_panel);
    auto first = auth_->sign_in(*db_, "panel@example.org", "correct horse battery staple", client_);
    ASSERT_EQ(first.outcome, Outcome::enrolment_due);
    auto secret = auth_->begin_enrolment(*db_, first.session->session);
    auto pending = find_session(*db_, first.session->cookie_value, now_, {}).session;
    credentials::TotpSecret totp{*credentials::from_base32(secret)};
    auto wrong = credentials::totp_code(totp, now_) == "000000" ? "111111" : "000000";
    EXPECT_FALSE(auth_->confirm_enrolment(*db_, pending, wrong, client_));
    auto enrolled = auth_->confirm_enrolment(*db_, pending, credentials::totp_code(totp, now_), client_);
    ASSERT_TRUE(enrolled);
    EXPECT_EQ(enrolled->recovery_codes.size(), 10u);

    auto second = auth_->sign_in(*db_, "panel@example.org", "correct horse battery staple", client_);
    ASSERT_EQ(second.outcome, Outcome::second_factor_due);
    auto due = find_session(*db_, second.session->cookie_value, now_, {}).session;
    // The code just used at enrolment is refused; the next step's code passes once.
    EXPECT_EQ(auth_->verify_second_factor(*db_, due, credentials::totp_code(totp, now_), client_).outcome,
              Authenticator::CodeOutcome::refused);
    auto passed = auth_->verify_second_factor(*db_, due, credentials::totp_code(totp, now_ + 30), client_);
    ASSERT_EQ(passed.outcome, Authenticator::CodeOutcome::accepted);
    EXPECT_FALSE(find_session(*db_, passed.cookie_value, now_, {}).session.second_factor_due);

    auto third = auth_->sign_in(*db_, "panel@example.org", "correct horse battery staple", client_);
    auto due_again = find_session(*db_, third.session->cookie_value, now_, {}).session;
    EXPECT_EQ(auth_->verify_second_factor(*db_, due_again, credentials::totp_code(totp, now_ + 30), client_).outcome,
              Authenticator::CodeOutcome::refused);
    std::string recovery = enrolled->recovery_codes.front();
    EXPECT_EQ(auth_->verify_second_factor(*db_, due_again, recovery, client_).outcome, Authenticator::CodeOutcome::accepted);
    auto fourth = auth_->sign_in(*db_, "panel@example.org", "correct horse battery staple", client_);
    auto due_fourth = find_session(*db_, fourth.session->cookie_value, now_, {}).session;
    EXPECT_EQ(auth_->verify_second_factor(*db_, due_fourth, recovery, client_).outcome, Authenticator::CodeOutcome::refused);
    EXPECT_TRUE(audit::verify_chain(*db_).ok());
}

TEST_P(SigningIn, ASetUpLinkWorksOnceAndIsStoredOnlyAsAHash) {
    auto user = add_user("new@example.org", access::Role::viewer, std::nullopt);
    auto url = auth_->issue_setup_link(*db_, user.id, actor_);
    audit::Search issued;
    issued.action = "user.setup_link_issued";
    ASSERT_EQ(audit::search(*db_, issued).size(), 1u);
    EXPECT_EQ(audit::search(*db_, issued)[0].entry.detail.find(url.substr(url.rfind('/') + 1)), std::string::npos);
    std::string token = url.substr(url.rfind('/') + 1);
    EXPECT_TRUE(db_->query("SELECT 1 FROM setup_links WHERE link_hash = $1", {token}).empty());
    EXPECT_FALSE(auth_->use_setup_link(*db_, token, "short", client_));
    EXPECT_TRUE(auth_->use_setup_link(*db_, token, "correct horse battery staple", client_));
    EXPECT_EQ(auth_->use_setup_link(*db_, token, "another good passphrase", client_).error().kind, ErrorKind::not_found);
    EXPECT_EQ(auth_->sign_in(*db_, "new@example.org", "correct horse battery staple", client_).outcome, Outcome::signed_in);
}

SAFEBOARD_TEST_ON_BACKENDS(Accounts);
SAFEBOARD_TEST_ON_BACKENDS(Sessions);
SAFEBOARD_TEST_ON_BACKENDS(ApiTokens);
SAFEBOARD_TEST_ON_BACKENDS(SigningIn);

}  // namespace
}  // namespace safeboard::auth
