// Accounts of Orchard's own client and their sessions (PROTOCOL.md §9): the only SQL for the
// accounts and sessions tables, over the connection's statement cache like TreeStore.
#pragma once

#include "server/store/records.h"

#include <cstdint>
#include <optional>
#include <string>

namespace orchard::store {

class StatementCache;

struct AccountRecord {
    std::string user_id;
    std::optional<std::string> username; // none for a guest
    std::optional<std::string> email;    // set when the account signs in by e-mail link
    std::optional<std::string> provider; // the OAuth2 provider it signs in with, if any
    std::optional<std::string> password_hash;
    std::string role; // contributor, moderator, admin
    std::string display_name;
    std::optional<std::int64_t> terms_accepted_ms;
    bool show_on_leaderboard = true;
    bool enabled = true;
    bool deleted = false;
    std::optional<std::string> disabled_reason; // a moderator's words to a banned person

    // A guest has no way to sign in again once the session ends: a throw-away account.
    bool is_guest() const { return !username && !email && !provider; }
};

class AccountStore {
  public:
    explicit AccountStore(StatementCache& statements) : statements_(statements) {}

    // Creates the users row and the account; the username must be free (checked by the caller).
    void insert_account(const AccountRecord& account, std::int64_t now_ms);
    std::optional<AccountRecord> find_by_username(const std::string& username);
    std::optional<AccountRecord> find_by_user(const std::string& user_id);
    std::optional<AccountRecord> find_by_email(const std::string& email);
    void accept_terms(const std::string& user_id, std::int64_t now_ms);
    // A guest becomes a full account (points and content stay theirs), or a password changes.
    void set_credentials(const std::string& user_id, const std::string& username,
                         const std::string& password_hash);
    void set_password_hash(const std::string& user_id, const std::string& password_hash);
    void set_display_name(const std::string& user_id, const std::string& display_name);
    void set_show_on_leaderboard(const std::string& user_id, bool show);
    // The person leaves: their content stays, anonymised; they can no longer sign in, their
    // username is free again, their provider identity is forgotten, and they are off every
    // leaderboard.
    void delete_account(const std::string& user_id);

    void insert_session(const std::string& token_hash, const std::string& user_id,
                        std::int64_t now_ms, std::int64_t expires_ms);
    // The account of a session that is neither revoked nor expired at `now_ms`.
    std::optional<AccountRecord> session_account(const std::string& token_hash,
                                                 std::int64_t now_ms);
    void revoke_session(const std::string& token_hash);
    void revoke_sessions_of(const std::string& user_id);
    // Every session of the account but the one whose token hashes to `keep_token_hash`.
    void revoke_other_sessions(const std::string& user_id, const std::string& keep_token_hash);

    // One-time sign-in links: stored as a hash, used once, valid until `expires_ms`.
    void insert_email_sign_in(const std::string& token_hash, const std::string& email,
                              std::int64_t expires_ms);
    // The address of a valid link, which is used up by this call.
    std::optional<std::string> use_email_sign_in(const std::string& token_hash,
                                                 std::int64_t now_ms);

    // Failed sign-ins under `key` since `since_ms`: how many, and when the oldest was.
    struct Failures {
        int count = 0;
        std::optional<std::int64_t> oldest_ms;
    };
    Failures sign_in_failures(const std::string& key, std::int64_t since_ms);
    // Records one, and forgets those of `key` from before `forget_before_ms`.
    void add_sign_in_failure(const std::string& key, std::int64_t now_ms,
                             std::int64_t forget_before_ms);

  private:
    StatementCache& statements_;
};

} // namespace orchard::store
