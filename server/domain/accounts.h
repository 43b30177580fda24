// The rules of Orchard's own accounts (PROTOCOL.md §9), apart from how a request reaches them:
// what makes a username, password and display name acceptable, what a new account is, when a
// guest may claim a username, and how failed sign-ins slow down whoever guesses. The same rules
// for the API and for `orchard user add`. Passwords are hashed in api/credentials.h.
#pragma once

#include "server/domain/domain_error.h"
#include "server/store/account_store.h"

#include <cstdint>
#include <optional>
#include <string>

namespace orchard::domain {

// What is wrong with a new account's username and password, or nullopt when they are fine: a
// username has 3 to 32 letters, digits, dots, dashes or underscores; a password 8 to 1,024
// bytes.
std::optional<std::string> credentials_problem(const std::string& username,
                                               const std::string& password);
// The same, as a refusal (400).
void check_new_credentials(const std::string& username, const std::string& password);
// A display name has 1 to 64 bytes; 400 otherwise.
void check_display_name(const std::string& name);
// Account roles, from least to most trusted.
bool is_role(const std::string& role);

// A new contributor's account with that display name, not yet stored.
store::AccountRecord new_account(std::string display_name);
// A registration's account: the display name is the username unless one is given.
store::AccountRecord registered_account(const std::string& username, std::string display_name);
// The account a first sign-in by e-mail link creates: named by the address's local part.
store::AccountRecord email_account(const std::string& email);

// A guest keeps everything by choosing a username: only an account without one may (400).
void check_may_claim(const store::AccountRecord& account);
// The refusal for a username someone has already (409).
DomainError username_taken(const std::string& username);

// Failed sign-ins count per account *and address*, and per address: a stranger guessing from
// elsewhere slows only themselves and can never lock the owner out of their own account.
struct SignInKeys {
    std::string account; // the username without case, with the address
    std::string address;
};
SignInKeys sign_in_keys(const std::string& username, const std::string& remote_address);

// Until when sign-ins with these keys are refused, if they are: too many failures within
// `window_ms`.
std::optional<std::int64_t> sign_ins_blocked_until(store::AccountStore& accounts,
                                                   const SignInKeys& keys, int failures_per_account,
                                                   int failures_per_address, std::int64_t window_ms,
                                                   std::int64_t now_ms);
// The refusal while blocked (429, Retry-After at least one second).
DomainError too_many_sign_ins(std::int64_t blocked_until_ms, std::int64_t now_ms);
// The refusal for a wrong username or password (600), the same for both.
DomainError wrong_credentials();

} // namespace orchard::domain
