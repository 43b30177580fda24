#include "server/api/email_sign_in_routes.h"

#include "protocol/account_requests.h"

#include "server/api/credentials.h"
#include "server/api/mail_words.h"
#include "server/api/sessions.h"
#include "server/domain/accounts.h"
#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/domain/request_fields.h"
#include "server/mail/smtp_client.h"
#include "server/store/account_store.h"

#include <cctype>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace orchard::api::email_sign_in {

namespace {

constexpr std::int64_t kEmailLinkMs = std::int64_t{15} * 60 * 1000;
constexpr int kEmailsPerAddress = 5;
constexpr int kEmailsPerRecipient = 3;
constexpr std::int64_t kEmailPeriodMs = std::int64_t{10} * 60 * 1000;

std::vector<domain::RateLimit> email_budgets(Call& call) {
    std::string recipient = domain::accepted(protocol::parse_email_sign_in(call.body)).email;
    for (char& c : recipient)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return {{"address:" + call.request.remote_address, kEmailsPerAddress, kEmailPeriodMs},
            {"recipient:" + recipient, kEmailsPerRecipient, kEmailPeriodMs}};
}

} // namespace

const RateLimitRule kEmailLimit = {email_budgets,
                                   "Too many sign-in e-mails. Please wait a few minutes, and look "
                                   "for the ones already sent.",
                                   "sign_in_emails"};

http::Response send_link(Call& call) {
    // Read first: a wrong type is the caller's error (400) on any server.
    const protocol::EmailSignIn request =
        domain::accepted(protocol::parse_email_sign_in(call.body));
    const std::string& email = request.email;
    const AuthOptions& options = call.services.auth;
    if (!options.smtp)
        throw domain::refusal(503, "Sign-in by e-mail is not set up on this server.");
    if (!mail::plausible_address(email))
        throw domain::bad_input("That does not look like an e-mail address.");
    call.take_rate_limit();
    const std::string token = new_session_token();
    call.database().write([&](store::StatementCache& statements) {
        store::AccountStore(statements)
            .insert_email_sign_in(hash_session_token(token), email,
                                  domain::now_ms() + kEmailLinkMs);
    });
    const std::string link = options.public_url + "/?email_token=" + token;
    // Outside any transaction: the relay may take seconds to answer.
    const i18n::Translator words =
        mail_translator(options.catalogs, request.language, call.request.header("Accept-Language"));
    const auto failure = mail::send_email(
        *options.smtp, {email, words.text("email.sign_in_subject"),
                        words.text("email.sign_in_body", {{"link", link}, {"minutes", "15"}})});
    if (failure) {
        std::fprintf(stderr, "orchard: sign-in e-mail not sent: %s\n", failure->c_str());
        throw domain::refusal(503, "The e-mail could not be sent. Please try again later.");
    }
    return http::Response::json(202, {{"sent", true}});
}

http::Response verify(Call& call) {
    const std::string token = domain::accepted(protocol::parse_email_verification(call.body)).token;
    std::optional<store::AccountRecord> account;
    call.database().write([&](store::StatementCache& statements) {
        store::AccountStore accounts(statements);
        const auto email = accounts.use_email_sign_in(hash_session_token(token), domain::now_ms());
        if (!email) return;
        account = accounts.find_by_email(*email);
        if (account) return;
        // The first sign-in with this address creates its account.
        const store::AccountRecord created = domain::email_account(*email);
        accounts.insert_account(created, domain::now_ms());
        account = accounts.find_by_user(created.user_id);
    });
    if (!account)
        throw domain::DomainError(protocol::ErrorCode::InvalidAuthentication,
                                  "This sign-in link was used already or is too old. "
                                  "Ask for a new one.");
    return session_answer(call.database(), *account, 200);
}

} // namespace orchard::api::email_sign_in
