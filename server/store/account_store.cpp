#include "server/store/account_store.h"

#include "server/store/ledger_store.h"
#include "server/store/statement.h"
#include "server/store/tree_store.h"

namespace orchard::store {

namespace {

constexpr const char* kAccountSelect =
    "SELECT a.user_id, a.username, a.password_hash, a.role, u.display_name, u.tos_accepted_ms, "
    "u.enabled, u.deleted, u.show_on_leaderboard, a.email, (SELECT min(i.provider) FROM "
    "oauth_identities i WHERE i.user_id = a.user_id), u.disabled_reason FROM accounts a JOIN users "
    "u ON u.id = "
    "a.user_id ";

AccountRecord read_account(const Statement& row) {
    AccountRecord account;
    account.user_id = row.column_text(0);
    account.username = row.column_optional_text(1);
    account.password_hash = row.column_optional_text(2);
    account.role = row.column_text(3);
    account.display_name = row.column_text(4);
    account.terms_accepted_ms = row.column_optional_int(5);
    account.enabled = row.column_int(6) != 0;
    account.deleted = row.column_int(7) != 0;
    account.show_on_leaderboard = row.column_int(8) != 0;
    account.email = row.column_optional_text(9);
    account.provider = row.column_optional_text(10);
    account.disabled_reason = row.column_optional_text(11);
    return account;
}

} // namespace

void AccountStore::insert_account(const AccountRecord& account, std::int64_t now_ms) {
    // external_id is the user's own id: accounts have no frontend that names them.
    Statement(statements_, "INSERT INTO users (id, api_client_id, auth_method, external_id, "
                           "display_name, created_ms) VALUES (?, NULL, 'orchard', ?, ?, ?)")
        .bind_all(account.user_id, account.user_id, account.display_name, now_ms)
        .run();
    Statement(statements_, "INSERT INTO accounts (user_id, username, email, password_hash, role, "
                           "created_ms) VALUES (?, ?, ?, ?, ?, ?)")
        .bind_all(account.user_id, account.username, account.email, account.password_hash,
                  account.role, now_ms)
        .run();
}

std::optional<AccountRecord> AccountStore::find_by_username(const std::string& username) {
    return first_row(statements_, std::string(kAccountSelect) + "WHERE a.username = ?",
                     read_account, username);
}

std::optional<AccountRecord> AccountStore::find_by_user(const std::string& user_id) {
    return first_row(statements_, std::string(kAccountSelect) + "WHERE a.user_id = ?", read_account,
                     user_id);
}

std::optional<AccountRecord> AccountStore::find_by_email(const std::string& email) {
    return first_row(statements_, std::string(kAccountSelect) + "WHERE a.email = ?", read_account,
                     email);
}

void AccountStore::insert_email_sign_in(const std::string& token_hash, const std::string& email,
                                        std::int64_t expires_ms) {
    Statement(statements_,
              "INSERT INTO email_sign_ins (token_hash, email, expires_ms) VALUES (?, ?, ?)")
        .bind_all(token_hash, email, expires_ms)
        .run();
}

std::optional<std::string> AccountStore::use_email_sign_in(const std::string& token_hash,
                                                           std::int64_t now_ms) {
    const auto email = first_row(
        statements_,
        "SELECT email FROM email_sign_ins WHERE token_hash = ? AND used = 0 AND expires_ms > ?",
        [](const Statement& row) { return row.column_text(0); }, token_hash, now_ms);
    if (email)
        Statement(statements_, "UPDATE email_sign_ins SET used = 1 WHERE token_hash = ?")
            .bind_all(token_hash)
            .run();
    return email;
}

void AccountStore::accept_terms(const std::string& user_id, std::int64_t now_ms) {
    Statement(statements_,
              "UPDATE users SET tos_accepted_ms = coalesce(tos_accepted_ms, ?) WHERE id = ?")
        .bind_all(now_ms, user_id)
        .run();
}

void AccountStore::set_credentials(const std::string& user_id, const std::string& username,
                                   const std::string& password_hash) {
    Statement(statements_, "UPDATE accounts SET username = ?, password_hash = ? WHERE user_id = ?")
        .bind_all(username, password_hash, user_id)
        .run();
}

void AccountStore::set_password_hash(const std::string& user_id, const std::string& password_hash) {
    Statement(statements_, "UPDATE accounts SET password_hash = ? WHERE user_id = ?")
        .bind_all(password_hash, user_id)
        .run();
}

void AccountStore::set_display_name(const std::string& user_id, const std::string& display_name) {
    TreeStore(statements_).update_display_name(user_id, display_name);
}

void AccountStore::set_show_on_leaderboard(const std::string& user_id, bool show) {
    Statement(statements_, "UPDATE users SET show_on_leaderboard = ? WHERE id = ?")
        .bind_all(show, user_id)
        .run();
    LedgerStore(statements_).refresh_visibility(user_id);
}

void AccountStore::delete_account(const std::string& user_id) {
    Statement(statements_, "UPDATE users SET deleted = 1, display_name = 'Deleted user', "
                           "show_on_leaderboard = 0 WHERE id = ?")
        .bind_all(user_id)
        .run();
    LedgerStore(statements_).refresh_visibility(user_id); // off every leaderboard
    Statement(statements_,
              "UPDATE accounts SET username = NULL, password_hash = NULL WHERE user_id = ?")
        .bind_all(user_id)
        .run();
    Statement(statements_, "DELETE FROM oauth_identities WHERE user_id = ?")
        .bind_all(user_id)
        .run();
    revoke_sessions_of(user_id);
}

void AccountStore::insert_session(const std::string& token_hash, const std::string& user_id,
                                  std::int64_t now_ms, std::int64_t expires_ms) {
    Statement(statements_, "INSERT INTO sessions (token_hash, user_id, created_ms, expires_ms) "
                           "VALUES (?, ?, ?, ?)")
        .bind_all(token_hash, user_id, now_ms, expires_ms)
        .run();
}

std::optional<AccountRecord> AccountStore::session_account(const std::string& token_hash,
                                                           std::int64_t now_ms) {
    return first_row(statements_,
                     std::string(kAccountSelect) +
                         "JOIN sessions s ON s.user_id = a.user_id WHERE s.token_hash = ? AND "
                         "s.revoked = 0 AND s.expires_ms > ?",
                     read_account, token_hash, now_ms);
}

void AccountStore::revoke_session(const std::string& token_hash) {
    Statement(statements_, "UPDATE sessions SET revoked = 1 WHERE token_hash = ?")
        .bind_all(token_hash)
        .run();
}

void AccountStore::revoke_sessions_of(const std::string& user_id) {
    Statement(statements_, "UPDATE sessions SET revoked = 1 WHERE user_id = ? AND revoked = 0")
        .bind_all(user_id)
        .run();
}

void AccountStore::revoke_other_sessions(const std::string& user_id,
                                         const std::string& keep_token_hash) {
    Statement(statements_, "UPDATE sessions SET revoked = 1 WHERE user_id = ? AND revoked = 0 "
                           "AND token_hash <> ?")
        .bind_all(user_id, keep_token_hash)
        .run();
}

AccountStore::Failures AccountStore::sign_in_failures(const std::string& key,
                                                      std::int64_t since_ms) {
    Statement s(statements_,
                "SELECT count(*), min(at_ms) FROM sign_in_failures WHERE key = ? AND at_ms >= ?");
    s.bind_all(key, since_ms);
    s.step();
    return {static_cast<int>(s.column_int(0)), s.column_optional_int(1)};
}

void AccountStore::add_sign_in_failure(const std::string& key, std::int64_t now_ms,
                                       std::int64_t forget_before_ms) {
    Statement(statements_, "DELETE FROM sign_in_failures WHERE key = ? AND at_ms < ?")
        .bind_all(key, forget_before_ms)
        .run();
    Statement(statements_, "INSERT INTO sign_in_failures (key, at_ms) VALUES (?, ?)")
        .bind_all(key, now_ms)
        .run();
}

} // namespace orchard::store
