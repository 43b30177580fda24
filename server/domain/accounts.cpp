#include "server/domain/accounts.h"

#include "protocol/account_limits.h"

#include "server/domain/ids.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <utility>

namespace orchard::domain {

using protocol::ErrorCode;

namespace {

constexpr size_t kMaxDisplayName = protocol::kDisplayNameMaxLength;

} // namespace

std::optional<std::string> credentials_problem(const std::string& username,
                                               const std::string& password) {
    constexpr size_t kMinPassword = protocol::kPasswordMinLength;
    constexpr size_t kMaxPassword = protocol::kPasswordMaxLength;
    static const std::regex kUsername("[A-Za-z0-9_.-]{" +
                                      std::to_string(protocol::kUsernameMinLength) + "," +
                                      std::to_string(protocol::kUsernameMaxLength) + "}");
    if (!std::regex_match(username, kUsername))
        return "A username has " + std::to_string(protocol::kUsernameMinLength) + " to " +
               std::to_string(protocol::kUsernameMaxLength) +
               " letters, digits, dots, dashes or underscores.";
    if (password.size() < kMinPassword || password.size() > kMaxPassword)
        return "A password has at least " + std::to_string(kMinPassword) +
               " characters (and at most " + std::to_string(kMaxPassword) + ").";
    return std::nullopt;
}

void check_new_credentials(const std::string& username, const std::string& password) {
    if (auto problem = credentials_problem(username, password)) throw bad_input(*problem);
}

void check_display_name(const std::string& name) {
    if (name.empty() || name.size() > kMaxDisplayName)
        throw bad_input("The display name must have 1 to " + std::to_string(kMaxDisplayName) +
                        " characters.");
}

bool is_role(const std::string& role) {
    return role == "contributor" || role == "moderator" || role == "admin";
}

store::AccountRecord new_account(std::string display_name) {
    store::AccountRecord account;
    account.user_id = new_uuid();
    account.display_name = std::move(display_name);
    account.role = "contributor";
    return account;
}

store::AccountRecord registered_account(const std::string& username, std::string display_name) {
    store::AccountRecord account = new_account(std::move(display_name));
    account.username = username;
    if (account.display_name.empty()) account.display_name = username;
    return account;
}

store::AccountRecord email_account(const std::string& email) {
    store::AccountRecord account = new_account(email.substr(0, email.find('@')));
    account.email = email;
    return account;
}

void check_may_claim(const store::AccountRecord& account) {
    if (account.username) throw bad_input("This account already has a username.");
}

DomainError username_taken(const std::string& username) {
    DomainError error(ErrorCode::Generic, "The username " + username + " is taken.");
    error.http_status = 409;
    return error;
}

SignInKeys sign_in_keys(const std::string& username, const std::string& remote_address) {
    // Usernames compare without case, so their failures are counted that way too.
    std::string lowered = username;
    for (char& c : lowered)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string address_key = "address:" + remote_address;
    return {"account:" + lowered + "|" + address_key, address_key};
}

std::optional<std::int64_t> sign_ins_blocked_until(store::AccountStore& accounts,
                                                   const SignInKeys& keys, int failures_per_account,
                                                   int failures_per_address, std::int64_t window_ms,
                                                   std::int64_t now_ms) {
    std::optional<std::int64_t> blocked_until;
    for (const auto& [key, limit] : {std::pair{keys.account, failures_per_account},
                                     std::pair{keys.address, failures_per_address}}) {
        const auto failures = accounts.sign_in_failures(key, now_ms - window_ms);
        if (failures.count >= limit && failures.oldest_ms)
            blocked_until = std::max(blocked_until.value_or(0), *failures.oldest_ms + window_ms);
    }
    return blocked_until;
}

DomainError too_many_sign_ins(std::int64_t blocked_until_ms, std::int64_t now_ms) {
    DomainError error(ErrorCode::TooManyRequests,
                      "Too many failed sign-ins. Try again in a few minutes.");
    error.retry_after_sec = std::max<std::int64_t>(1, (blocked_until_ms - now_ms + 999) / 1000);
    return error;
}

DomainError wrong_credentials() {
    return DomainError(ErrorCode::InvalidAuthentication, "Wrong username or password.");
}

} // namespace orchard::domain
