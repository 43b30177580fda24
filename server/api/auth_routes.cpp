#include "server/api/auth_routes.h"

#include "protocol/account_limits.h"
#include "protocol/errors.h"
#include "server/api/api_errors.h"
#include "server/api/caller.h"
#include "server/api/credentials.h"
#include "server/api/request_runner.h"
#include "server/api/sessions.h"
#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/domain/rate_limiter.h"
#include "server/domain/request_fields.h"
#include "server/store/account_store.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <stdexcept>

namespace orchard::api {

using domain::DomainError;
using protocol::ErrorCode;
using store::AccountRecord;
using store::AccountStore;

namespace {

constexpr size_t kMaxDisplayName = protocol::kDisplayNameMaxLength;
constexpr std::int64_t kEmailLinkMs = std::int64_t{15} * 60 * 1000;
// Sign-in e-mails: a few per sending address and per recipient in ten minutes, so that nobody can
// flood an inbox or the relay through Orchard.
constexpr int kEmailsPerAddress = 5;
constexpr int kEmailsPerRecipient = 3;
constexpr std::int64_t kEmailPeriodMs = std::int64_t{10} * 60 * 1000;

nlohmann::json account_json(const AccountRecord& account) {
    return {{"id", account.user_id},
            {"username", account.username ? nlohmann::json(*account.username) : nullptr},
            {"display_name", account.display_name},
            {"role", account.role},
            {"guest", account.is_guest()},
            {"terms_accepted", account.terms_accepted_ms.has_value()},
            {"show_on_leaderboard", account.show_on_leaderboard}};
}

// Absent or null: empty, which the checks after refuse where a value is needed; another type
// than a string: refused with 400 naming the field.
std::string text_field(const nlohmann::json& body, const char* key) {
    return domain::RequestFields(body).string_or(key);
}

void check_display_name(const std::string& name) {
    if (name.empty() || name.size() > kMaxDisplayName)
        throw domain::bad_input("The display name must have 1 to " +
                                std::to_string(kMaxDisplayName) + " characters.");
}

void check_new_credentials(const std::string& username, const std::string& password) {
    if (auto problem = credentials_problem(username, password)) throw domain::bad_input(*problem);
}

// Parses the body, runs `handle` and turns a refusal into its error object.
template <typename Handle> http::Response answer(const http::Request& request, Handle handle) {
    auto body = parse_body(request);
    if (!body || !body->is_object())
        return http::Response::error(400, static_cast<int>(ErrorCode::Generic),
                                     "The request body is not a JSON object.");
    try {
        return handle(*body);
    } catch (const DomainError& error) {
        return error_response(error);
    }
}

// Starts a session for the account and answers {"token", "user"}; a disabled account gets none.
http::Response start_session(store::Database& database, const AccountRecord& account, int status) {
    const std::string token = open_session(database, account);
    return http::Response::json(status, {{"token", token}, {"user", account_json(account)}});
}

} // namespace

void add_auth_routes(http::Router& router, store::Database& database, const AuthOptions& options) {
    auto email_limiter = std::make_shared<domain::RateLimiter>();
    // Registrations and guests, per address (new_accounts_per_address); refused with 429.
    auto account_limiter = std::make_shared<domain::RateLimiter>();
    auto check_new_account = [&database, account_limiter](const http::Request& request) {
        domain::TreeManagerConfig config;
        database.read([&](store::StatementCache& statements) {
            store::TreeStore trees(statements);
            config = load_config(trees);
        });
        if (auto wait_ms = account_limiter->take(
                {{"address:" + request.remote_address, config.new_accounts_per_address,
                  std::int64_t{config.new_accounts_period_sec} * 1000}},
                domain::now_ms())) {
            DomainError error(ErrorCode::TooManyRequests,
                              "Too many new accounts from this address. Please wait a while.");
            error.retry_after_sec = (*wait_ms + 999) / 1000;
            throw error;
        }
    };
    // Sign-in by a link sent to one's e-mail address: valid 15 minutes, usable once. The answer
    // is the same whether or not an account has that address.
    router.add(
        "POST", "/api/v1/auth/email",
        [&database, options, email_limiter](const http::Request& request, const http::PathParams&) {
            return answer(request, [&](const nlohmann::json& body) {
                // Read first: a wrong type is the caller's error (400) on any server.
                const std::string email = text_field(body, "email");
                if (!options.smtp)
                    return http::Response::error(503, static_cast<int>(ErrorCode::Generic),
                                                 "Sign-in by e-mail is not set up on this server.");
                if (!mail::plausible_address(email))
                    throw domain::bad_input("That does not look like an e-mail address.");
                std::string recipient = email;
                for (char& c : recipient)
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                if (auto wait_ms = email_limiter->take(
                        {{"address:" + request.remote_address, kEmailsPerAddress, kEmailPeriodMs},
                         {"recipient:" + recipient, kEmailsPerRecipient, kEmailPeriodMs}},
                        domain::now_ms())) {
                    DomainError error(ErrorCode::TooManyRequests,
                                      "Too many sign-in e-mails. Please wait a few minutes, "
                                      "and look for the ones already sent.");
                    error.retry_after_sec = (*wait_ms + 999) / 1000;
                    throw error;
                }
                const std::string token = new_session_token();
                database.write([&](store::StatementCache& statements) {
                    AccountStore(statements)
                        .insert_email_sign_in(hash_session_token(token), email,
                                              domain::now_ms() + kEmailLinkMs);
                });
                const std::string link = options.public_url + "/?email_token=" + token;
                const auto failure = mail::send_email(
                    *options.smtp,
                    {email, "Your Orchard sign-in link",
                     "Hello!\n\nOpen this link to sign in to Orchard:\n\n" + link +
                         "\n\nIt works once, for 15 minutes. If you did not ask for it, "
                         "ignore this e-mail.\n"});
                if (failure) {
                    std::fprintf(stderr, "orchard: sign-in e-mail not sent: %s\n",
                                 failure->c_str());
                    return http::Response::error(
                        503, static_cast<int>(ErrorCode::Generic),
                        "The e-mail could not be sent. Please try again later.");
                }
                return http::Response::json(202, {{"sent", true}});
            });
        });
    router.add("POST", "/api/v1/auth/email/verify",
               [&database](const http::Request& request, const http::PathParams&) {
                   return answer(request, [&](const nlohmann::json& body) {
                       const std::string token = text_field(body, "token");
                       std::optional<AccountRecord> account;
                       database.write([&](store::StatementCache& statements) {
                           AccountStore accounts(statements);
                           const auto email = accounts.use_email_sign_in(hash_session_token(token),
                                                                         domain::now_ms());
                           if (!email) return;
                           account = accounts.find_by_email(*email);
                           if (account) return;
                           // The first sign-in with this address creates its account.
                           AccountRecord created = new_account(email->substr(0, email->find('@')));
                           created.email = *email;
                           accounts.insert_account(created, domain::now_ms());
                           account = accounts.find_by_user(created.user_id);
                       });
                       if (!account)
                           throw DomainError(ErrorCode::InvalidAuthentication,
                                             "This sign-in link was used already or is too old. "
                                             "Ask for a new one.");
                       return start_session(database, *account, 200);
                   });
               });

    router.add(
        "POST", "/api/v1/auth/register",
        [&database, check_new_account](const http::Request& request, const http::PathParams&) {
            return answer(request, [&](const nlohmann::json& body) {
                AccountRecord account = new_account(text_field(body, "display_name"));
                account.username = text_field(body, "username");
                if (account.display_name.empty()) account.display_name = *account.username;
                const std::string password = text_field(body, "password");
                check_new_credentials(*account.username, password);
                check_display_name(account.display_name);
                // Before the costly hash; a taken username counts too, so trying names
                // one by one to find accounts is as slow as making them.
                check_new_account(request);
                account.password_hash = hash_password(password); // outside the write
                bool taken = false;
                database.write([&](store::StatementCache& statements) {
                    AccountStore accounts(statements);
                    taken = accounts.find_by_username(*account.username).has_value();
                    if (!taken) accounts.insert_account(account, domain::now_ms());
                });
                if (taken)
                    return http::Response::error(409, static_cast<int>(ErrorCode::Generic),
                                                 "The username " + *account.username +
                                                     " is taken.");
                return start_session(database, account, 201);
            });
        });

    router.add("POST", "/api/v1/auth/login",
               [&database](const http::Request& request, const http::PathParams&) {
                   return answer(request, [&](const nlohmann::json& body) {
                       const std::string username = text_field(body, "username");
                       const std::string password = text_field(body, "password");
                       // Usernames compare without case, so their failures are counted that way
                       // too.
                       std::string lowered = username;
                       for (char& c : lowered)
                           c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                       // Failures count per account *and address*, and per address: a stranger
                       // guessing from elsewhere slows only themselves and can never lock the
                       // owner out of their own account (issue 15). Argon2id makes every guess
                       // cost tens of milliseconds besides.
                       const std::string address_key = "address:" + request.remote_address;
                       const std::string account_key = "account:" + lowered + "|" + address_key;
                       std::optional<AccountRecord> account;
                       std::int64_t window_ms = 0;
                       std::optional<std::int64_t> blocked_until;
                       database.write([&](store::StatementCache& statements) {
                           store::TreeStore trees(statements);
                           const auto config = load_config(trees);
                           window_ms = std::int64_t{config.sign_in_window_sec} * 1000;
                           const std::int64_t now = domain::now_ms();
                           AccountStore accounts(statements);
                           for (const auto& [key, limit] :
                                {std::pair{account_key, config.sign_in_failures_per_account},
                                 std::pair{address_key, config.sign_in_failures_per_address}}) {
                               const auto failures =
                                   accounts.sign_in_failures(key, now - window_ms);
                               if (failures.count >= limit && failures.oldest_ms)
                                   blocked_until = std::max(blocked_until.value_or(0),
                                                            *failures.oldest_ms + window_ms);
                           }
                           if (!blocked_until) account = accounts.find_by_username(username);
                       });
                       if (blocked_until) {
                           // Refused before the password is even looked at.
                           const std::int64_t wait_ms = *blocked_until - domain::now_ms();
                           auto response = error_response(
                               ErrorCode::TooManyRequests,
                               "Too many failed sign-ins. Try again in a few minutes.");
                           response.set_header("Retry-After", std::to_string(std::max<std::int64_t>(
                                                                  1, (wait_ms + 999) / 1000)));
                           return response;
                       }
                       // Verified outside the write: Argon2id takes tens of milliseconds.
                       if (!account || !account->password_hash) {
                           verify_password_against_nothing(password);
                           account.reset();
                       } else if (!verify_password(password, *account->password_hash)) {
                           account.reset();
                       }
                       if (!account) {
                           database.write([&](store::StatementCache& statements) {
                               const std::int64_t now = domain::now_ms();
                               AccountStore accounts(statements);
                               accounts.add_sign_in_failure(account_key, now, now - window_ms);
                               accounts.add_sign_in_failure(address_key, now, now - window_ms);
                           });
                           throw DomainError(ErrorCode::InvalidAuthentication,
                                             "Wrong username or password.");
                       }
                       return start_session(database, *account, 200);
                   });
               });

    router.add(
        "POST", "/api/v1/auth/guest",
        [&database, check_new_account](const http::Request& request, const http::PathParams&) {
            return answer(request, [&](const nlohmann::json& body) {
                AccountRecord account = new_account(text_field(body, "display_name"));
                check_display_name(account.display_name);
                check_new_account(request);
                database.write([&](store::StatementCache& statements) {
                    AccountStore(statements).insert_account(account, domain::now_ms());
                });
                return start_session(database, account, 201);
            });
        });

    // A guest keeps everything by choosing a username and password.
    router.add("POST", "/api/v1/auth/claim",
               [&database](const http::Request& request, const http::PathParams&) {
                   return answer(request, [&](const nlohmann::json& body) {
                       AccountRecord account;
                       database.write([&](store::StatementCache& statements) {
                           AccountStore accounts(statements);
                           account = session_account(request, accounts, domain::now_ms());
                       });
                       if (account.username)
                           throw domain::bad_input("This account already has a username.");
                       const std::string username = text_field(body, "username");
                       const std::string password = text_field(body, "password");
                       check_new_credentials(username, password);
                       const std::string hash = hash_password(password); // outside the write
                       bool taken = false;
                       database.write([&](store::StatementCache& statements) {
                           AccountStore accounts(statements);
                           // Checked again: the guest may have claimed meanwhile elsewhere.
                           account = session_account(request, accounts, domain::now_ms());
                           if (account.username)
                               throw domain::bad_input("This account already has a username.");
                           taken = accounts.find_by_username(username).has_value();
                           if (!taken) accounts.set_credentials(account.user_id, username, hash);
                       });
                       if (taken)
                           return http::Response::error(409, static_cast<int>(ErrorCode::Generic),
                                                        "The username " + username + " is taken.");
                       account.username = username;
                       return http::Response::json(200, account_json(account));
                   });
               });

    // Display name, leaderboard visibility, and a new password (with the current one).
    router.add("PUT", "/api/v1/auth/me",
               [&database](const http::Request& request, const http::PathParams&) {
                   return answer(request, [&](const nlohmann::json& body) {
                       AccountRecord account;
                       database.write([&](store::StatementCache& statements) {
                           AccountStore accounts(statements);
                           account = session_account(request, accounts, domain::now_ms());
                       });
                       std::optional<std::string> display_name;
                       const domain::RequestFields fields(body);
                       if (fields.has("display_name")) {
                           display_name = text_field(body, "display_name");
                           check_display_name(*display_name);
                       }
                       std::optional<bool> show;
                       if (fields.has("show_on_leaderboard"))
                           show = fields.bool_or("show_on_leaderboard", false);
                       std::optional<std::string> new_hash;
                       if (fields.has("password")) {
                           const std::string password = text_field(body, "password");
                           if (!account.password_hash ||
                               !verify_password(text_field(body, "current_password"),
                                                *account.password_hash))
                               throw DomainError(ErrorCode::InvalidAuthentication,
                                                 "The current password is not right.");
                           check_new_credentials(*account.username, password);
                           new_hash = hash_password(password);
                       }
                       database.write([&](store::StatementCache& statements) {
                           AccountStore accounts(statements);
                           if (display_name)
                               accounts.set_display_name(account.user_id, *display_name);
                           if (show) accounts.set_show_on_leaderboard(account.user_id, *show);
                           if (new_hash) {
                               accounts.set_password_hash(account.user_id, *new_hash);
                               // Whoever knew the old password is signed out everywhere else.
                               accounts.revoke_other_sessions(
                                   account.user_id, hash_session_token(*bearer_token(request)));
                           }
                           account = *accounts.find_by_user(account.user_id);
                       });
                       return http::Response::json(200, account_json(account));
                   });
               });

    // The signed-in endpoints: one write each, the session checked inside it.
    auto signed_in = [&database](auto act) {
        return [&database, act](const http::Request& request, const http::PathParams&) {
            return answer(request, [&](const nlohmann::json&) {
                http::Response response;
                database.write([&](store::StatementCache& statements) {
                    AccountStore accounts(statements);
                    response = act(accounts, session_account(request, accounts, domain::now_ms()),
                                   request);
                });
                return response;
            });
        };
    };
    router.add("GET", "/api/v1/auth/me",
               signed_in([](AccountStore&, const AccountRecord& account, const http::Request&) {
                   return http::Response::json(200, account_json(account));
               }));
    router.add(
        "POST", "/api/v1/auth/accept_terms",
        signed_in([](AccountStore& accounts, const AccountRecord& account, const http::Request&) {
            accounts.accept_terms(account.user_id, domain::now_ms());
            return http::Response::json(200, account_json(*accounts.find_by_user(account.user_id)));
        }));
    router.add(
        "DELETE", "/api/v1/auth/me",
        signed_in([](AccountStore& accounts, const AccountRecord& account, const http::Request&) {
            accounts.delete_account(account.user_id);
            return no_content();
        }));
    router.add(
        "POST", "/api/v1/auth/logout",
        signed_in([](AccountStore& accounts, const AccountRecord&, const http::Request& request) {
            accounts.revoke_session(hash_session_token(*bearer_token(request)));
            return no_content();
        }));
    router.add(
        "POST", "/api/v1/auth/logout_all",
        signed_in([](AccountStore& accounts, const AccountRecord& account, const http::Request&) {
            accounts.revoke_sessions_of(account.user_id);
            return no_content();
        }));
}

} // namespace orchard::api
