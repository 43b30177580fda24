#include "server/api/auth_routes.h"

#include "protocol/account_requests.h"

#include "server/api/credentials.h"
#include "server/api/sessions.h"
#include "server/domain/accounts.h"
#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/domain/request_fields.h"
#include "server/store/account_store.h"
#include "server/store/ledger_store.h"

#include <optional>
#include <string>
#include <vector>

namespace orchard::api::auth {

using domain::DomainError;
using protocol::ErrorCode;
using store::AccountRecord;
using store::AccountStore;

namespace {

std::vector<domain::RateLimit> new_account_budgets(Call& call) {
    const domain::TreeManagerConfig& config = call.config();
    return {{"address:" + call.request.remote_address, config.new_accounts_per_address,
             std::int64_t{config.new_accounts_period_sec} * 1000}};
}

} // namespace

const RateLimitRule kNewAccountLimit = {
    new_account_budgets, "Too many new accounts from this address. Please wait a while.",
    "new_accounts"};

http::Response register_account(Call& call) {
    // Absent or null fields read as empty, which the checks below refuse where a value is
    // needed; a field of another type is refused with 400 naming it.
    const auto [username, display_name, password] =
        domain::accepted(protocol::parse_registration(call.body));
    AccountRecord account = domain::registered_account(username, display_name);
    domain::check_new_credentials(username, password);
    domain::check_display_name(account.display_name);
    // Before the costly hash; a taken username counts too, so trying names one by one to find
    // accounts is as slow as making them.
    call.take_rate_limit();
    account.password_hash = hash_password(password); // outside the write
    bool taken = false;
    call.database().write([&](store::StatementCache& statements) {
        AccountStore accounts(statements);
        taken = accounts.find_by_username(username).has_value();
        if (!taken) accounts.insert_account(account, domain::now_ms());
    });
    if (taken) throw domain::username_taken(username);
    return session_answer(call.database(), account, 201);
}

http::Response login(Call& call) {
    const auto [username, password] = domain::accepted(protocol::parse_credentials(call.body));
    // Argon2id makes every guess cost tens of milliseconds besides (issue 15).
    const domain::SignInKeys keys = domain::sign_in_keys(username, call.request.remote_address);
    const domain::TreeManagerConfig& config = call.config();
    const std::int64_t window_ms = std::int64_t{config.sign_in_window_sec} * 1000;
    std::optional<AccountRecord> account;
    std::optional<std::int64_t> blocked_until;
    call.database().write([&](store::StatementCache& statements) {
        AccountStore accounts(statements);
        blocked_until = domain::sign_ins_blocked_until(
            accounts, keys, config.sign_in_failures_per_account,
            config.sign_in_failures_per_address, window_ms, domain::now_ms());
        if (!blocked_until) account = accounts.find_by_username(username);
    });
    // Refused before the password is even looked at.
    if (blocked_until) throw domain::too_many_sign_ins(*blocked_until, domain::now_ms());
    // Verified outside the write: Argon2id takes tens of milliseconds.
    if (!account || !account->password_hash) {
        verify_password_against_nothing(password);
        account.reset();
    } else if (!verify_password(password, *account->password_hash)) {
        account.reset();
    }
    if (!account) {
        call.database().write([&](store::StatementCache& statements) {
            const std::int64_t now = domain::now_ms();
            AccountStore accounts(statements);
            accounts.add_sign_in_failure(keys.account, now, now - window_ms);
            accounts.add_sign_in_failure(keys.address, now, now - window_ms);
        });
        throw domain::wrong_credentials();
    }
    return session_answer(call.database(), *account, 200);
}

http::Response guest(Call& call) {
    const auto request = domain::accepted(protocol::parse_guest_request(call.body));
    AccountRecord account = domain::new_account(request.display_name);
    domain::check_display_name(account.display_name);
    // Only this server's own event: a visitor elsewhere cannot join another's board.
    if (!request.event.empty() && !call.services.auth.holds_event(request.event))
        throw domain::bad_input("event: this server holds no event '" + request.event + "'.");
    call.take_rate_limit();
    call.database().write([&](store::StatementCache& statements) {
        const std::int64_t now = domain::now_ms();
        AccountStore(statements).insert_account(account, now);
        if (!request.event.empty())
            store::LedgerStore(statements).add_event_member(account.user_id, request.event, now);
    });
    return session_answer(call.database(), account, 201);
}

// A guest keeps everything by choosing a username and password.
http::Response claim(Call& call) {
    AccountRecord account = call.account();
    domain::check_may_claim(account);
    const auto [username, password] = domain::accepted(protocol::parse_credentials(call.body));
    domain::check_new_credentials(username, password);
    const std::string hash = hash_password(password); // outside the write
    bool taken = false;
    call.database().write([&](store::StatementCache& statements) {
        AccountStore accounts(statements);
        // Checked again: the guest may have claimed meanwhile elsewhere.
        account = session_account(call.request, accounts, domain::now_ms());
        domain::check_may_claim(account);
        taken = accounts.find_by_username(username).has_value();
        if (!taken) accounts.set_credentials(account.user_id, username, hash);
    });
    if (taken) throw domain::username_taken(username);
    account.username = username;
    return http::Response::json(200, account_json(account));
}

// Display name, leaderboard visibility, and a new password (with the current one).
http::Response change_me(Call& call) {
    AccountRecord account = call.account();
    const auto changes = domain::accepted(protocol::parse_account_changes(call.body));
    const std::optional<std::string>& display_name = changes.display_name;
    if (display_name) domain::check_display_name(*display_name);
    const std::optional<bool>& show = changes.show_on_leaderboard;
    std::optional<std::string> new_hash;
    if (changes.new_password) {
        const std::string& password = *changes.new_password;
        if (!account.password_hash ||
            !verify_password(changes.current_password.value_or(""), *account.password_hash))
            throw DomainError(ErrorCode::InvalidAuthentication,
                              "The current password is not right.");
        domain::check_new_credentials(*account.username, password);
        new_hash = hash_password(password); // outside the write
    }
    call.database().write([&](store::StatementCache& statements) {
        AccountStore accounts(statements);
        if (display_name) accounts.set_display_name(account.user_id, *display_name);
        if (show) accounts.set_show_on_leaderboard(account.user_id, *show);
        if (new_hash) {
            accounts.set_password_hash(account.user_id, *new_hash);
            // Whoever knew the old password is signed out everywhere else.
            accounts.revoke_other_sessions(account.user_id,
                                           hash_session_token(*bearer_token(call.request)));
        }
        account = *accounts.find_by_user(account.user_id);
    });
    return http::Response::json(200, account_json(account));
}

http::Response me(Call& call) {
    return http::Response::json(200, account_json(call.account()));
}

http::Response accept_terms(Call& call) {
    AccountStore accounts(call.store().statements());
    accounts.accept_terms(call.account().user_id, call.now);
    return http::Response::json(200, account_json(*accounts.find_by_user(call.account().user_id)));
}

http::Response delete_me(Call& call) {
    AccountStore(call.store().statements()).delete_account(call.account().user_id);
    return no_content();
}

http::Response logout(Call& call) {
    AccountStore(call.store().statements())
        .revoke_session(hash_session_token(*bearer_token(call.request)));
    return no_content();
}

http::Response logout_all(Call& call) {
    AccountStore(call.store().statements()).revoke_sessions_of(call.account().user_id);
    return no_content();
}

} // namespace orchard::api::auth
