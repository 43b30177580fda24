#include "server/api/oauth_routes.h"

#include "protocol/errors.h"
#include "protocol/utf8.h"
#include "server/api/credentials.h"
#include "server/api/sessions.h"
#include "server/domain/accounts.h"
#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/http/cookies.h"
#include "server/oauth/pkce.h"
#include "server/oauth/provider_client.h"
#include "server/store/account_store.h"
#include "server/store/oauth_store.h"

#include <cctype>
#include <cstdio>
#include <memory>
#include <sodium.h>
#include <stdexcept>

namespace orchard::api::oauth_sign_in {

using domain::DomainError;
using protocol::ErrorCode;

namespace {

// Long enough to sign in at the provider (perhaps with a password manager or a second factor),
// short enough that a leaked state is soon worthless.
constexpr std::int64_t kStateMs = std::int64_t{10} * 60 * 1000;
// Sign-ins started per address in kStateMs: a household or an event's network starts a few.
constexpr int kStartsPerAddress = 30;
constexpr size_t kMaxDisplayName = 64;
constexpr size_t kMaxErrorCode = 64;
// The browser that started a sign-in keeps its state in this cookie, and the callback takes the
// state only from that browser: otherwise someone could start a sign-in, stop before the callback
// and have another person's browser open it, signing that person in to the first one's account
// (login CSRF). Sent only back to these routes.
constexpr const char* kStateCookie = "orchard_oauth_state";
constexpr const char* kStateCookiePath = "/api/v1/auth/oauth/";

// The provider the path names; 404 when it is not set up here.
const oauth::Provider& named_provider(const Call& call) {
    for (const auto& provider : call.services.auth.oauth_providers)
        if (provider.id == call.param("provider")) return provider;
    throw domain::refusal(404, "Sign-in with this provider is not set up on this server.");
}

http::Response redirect(const std::string& location) {
    http::Response response;
    response.status = 302;
    response.set_header("Location", location);
    // Neither a cache nor the next page may keep these URLs: they carry one-time secrets.
    response.set_header("Cache-Control", "no-store");
    response.set_header("Referrer-Policy", "no-referrer");
    return response;
}

std::string without_trailing_slash(std::string url) {
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    return url;
}

// The state cookie set (for as long as the state lasts) or forgotten (max_age_seconds 0). Secure
// whenever the public URL is https, so that it never travels in the clear there.
std::string state_cookie(const AuthOptions& options, const std::string& state,
                         std::int64_t max_age_seconds) {
    std::string scheme = options.public_url.substr(0, 8);
    for (char& c : scheme)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool https = scheme == "https://";
    return http::set_cookie(kStateCookie, state,
                            {.path = kStateCookiePath,
                             .max_age_seconds = max_age_seconds,
                             .secure = https,
                             .same_site = "Lax"});
}

// Whether this request comes from the browser that started the sign-in with `state`. Compared in
// constant time like any secret; the length tells nothing, every state has 43 characters.
bool started_in_this_browser(const http::Request& request, const std::string& state) {
    const auto cookie = http::cookie_value(request, kStateCookie);
    return cookie && !state.empty() && cookie->size() == state.size() &&
           sodium_memcmp(cookie->data(), state.data(), state.size()) == 0;
}

DomainError not_started_here(const oauth::Provider& provider) {
    return DomainError(ErrorCode::InvalidAuthentication,
                       "This sign-in with " + provider.display_name +
                           " was finished already, took longer than 10 minutes, or was not "
                           "started here. Please start again.");
}

std::string callback_uri(const AuthOptions& options, const oauth::Provider& provider) {
    return without_trailing_slash(options.public_url) + "/api/v1/auth/oauth/" + provider.id +
           "/callback";
}

// The provider's error code (RFC 6749 §4.1.2.1, e.g. access_denied) as the client will read it:
// only the characters such codes are made of, so that nothing else rides along in the URL.
std::string safe_error_code(const std::string& error) {
    std::string code;
    for (char c : error.substr(0, kMaxErrorCode))
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.')
            code.push_back(c);
    return code.empty() ? "provider_error" : code;
}

// The provider's name for the person, cut to the length Orchard allows without splitting a
// UTF-8 character; a stand-in when the provider has none.
std::string display_name_from(const oauth::Identity& identity, const oauth::Provider& provider) {
    const std::string name(protocol::utf8_prefix(identity.display_name, kMaxDisplayName));
    return name.empty() ? provider.display_name + " user" : name;
}

// The account linked to that identity, created (and linked) on its first sign-in.
store::AccountRecord account_for(store::Database& database, const oauth::Provider& provider,
                                 const oauth::Identity& identity) {
    std::optional<store::AccountRecord> account;
    database.write([&](store::StatementCache& statements) {
        store::AccountStore accounts(statements);
        store::OAuthStore identities(statements);
        if (const auto user_id = identities.linked_user(provider.id, identity.subject)) {
            account = accounts.find_by_user(*user_id);
            return;
        }
        const std::int64_t now = domain::now_ms();
        store::AccountRecord created = domain::new_account(display_name_from(identity, provider));
        accounts.insert_account(created, now);
        identities.link(provider.id, identity.subject, created.user_id, now);
        account = accounts.find_by_user(created.user_id);
    });
    if (!account) throw std::runtime_error("an OAuth identity is linked to no account");
    return *account;
}

http::Response start_at(store::Database& database, const AuthOptions& options,
                        const oauth::Provider& provider) {
    const std::string state = oauth::random_secret();
    const std::string verifier = oauth::random_secret();
    const std::string redirect_uri = callback_uri(options, provider);
    database.write([&](store::StatementCache& statements) {
        const std::int64_t now = domain::now_ms();
        store::OAuthStore sign_ins(statements);
        sign_ins.forget_expired_states(now);
        sign_ins.insert_state(hash_session_token(state), {provider.id, verifier, redirect_uri}, now,
                              now + kStateMs);
    });
    http::Response response = redirect(
        oauth::authorization_url(provider, redirect_uri, state, oauth::s256_challenge(verifier)));
    response.set_header("Set-Cookie", state_cookie(options, state, kStateMs / 1000));
    return response;
}

http::Response callback_from(store::Database& database, const AuthOptions& options,
                             const oauth::Provider& provider, const http::Request& request) {
    const std::string client_url = without_trailing_slash(options.public_url) + "/";
    const std::string state = request.query_value("state").value_or("");
    // Checked before the state is used up, so that another browser's request changes nothing: a
    // link to this callback sent to someone else neither signs them in nor spends the state of
    // the browser that started the sign-in.
    if (state.empty()) throw not_started_here(provider);
    if (!started_in_this_browser(request, state))
        throw DomainError(ErrorCode::InvalidAuthentication,
                          "This sign-in with " + provider.display_name +
                              " was started in another browser (or this browser did not keep its "
                              "cookie), or was finished already. Please start again here.");
    // Used up whatever happens next: a state works once.
    std::optional<store::OAuthStateRecord> sign_in;
    database.write([&](store::StatementCache& statements) {
        sign_in = store::OAuthStore(statements)
                      .use_state(hash_session_token(state), provider.id, domain::now_ms());
    });
    // The person declined, or the provider could not sign them in: the client says so.
    if (const auto error = request.query_value("error"))
        return redirect(client_url + "#oauth_error=" + safe_error_code(*error));
    if (!sign_in) throw not_started_here(provider);
    const std::string code = request.query_value("code").value_or("");
    if (code.empty())
        throw domain::bad_input(provider.display_name + " sent no authorization code.");

    // Outside any transaction: the provider may take seconds to answer.
    const auto identity =
        oauth::fetch_identity(provider, code, sign_in->redirect_uri, sign_in->code_verifier);
    if (const auto* failure = std::get_if<std::string>(&identity)) {
        std::fprintf(stderr, "orchard: sign-in with %s failed: %s\n", provider.id.c_str(),
                     failure->c_str());
        throw domain::refusal(502, "Signing in with " + provider.display_name +
                                       " did not work: it did not answer as expected. Please "
                                       "try again later.");
    }
    const auto account = account_for(database, provider, std::get<oauth::Identity>(identity));
    return redirect(client_url + "#oauth_token=" + open_session(database, account));
}

std::vector<domain::RateLimit> start_budgets(Call& call) {
    return {{"address:" + call.request.remote_address, kStartsPerAddress, kStateMs}};
}

} // namespace

const RateLimitRule kStartLimit = {
    start_budgets, "Too many sign-ins started from this address. Please wait a few minutes.",
    "oauth_starts"};

http::Response providers(Call& call) {
    nlohmann::json providers = nlohmann::json::array();
    for (const auto& provider : call.services.auth.oauth_providers)
        providers.push_back({{"id", provider.id},
                             {"display_name", provider.display_name},
                             {"start_url", "/api/v1/auth/oauth/" + provider.id + "/start"}});
    return http::Response::json(200, {{"providers", providers}});
}

http::Response start(Call& call) {
    const oauth::Provider& provider = named_provider(call);
    call.take_rate_limit();
    return start_at(call.database(), call.services.auth, provider);
}

http::Response callback(Call& call) {
    const oauth::Provider& provider = named_provider(call);
    // Whatever the outcome, the state is spent or was never this browser's.
    call.set_header_on_any_answer("Set-Cookie", state_cookie(call.services.auth, "", 0));
    return callback_from(call.database(), call.services.auth, provider, call.request);
}

} // namespace orchard::api::oauth_sign_in
