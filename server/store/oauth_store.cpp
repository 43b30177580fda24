#include "server/store/oauth_store.h"

#include "server/store/statement.h"

namespace orchard::store {

void OAuthStore::insert_state(const std::string& state_hash, const OAuthStateRecord& state,
                              std::int64_t now_ms, std::int64_t expires_ms) {
    Statement(statements_, "INSERT INTO oauth_states (state_hash, provider, code_verifier, "
                           "redirect_uri, created_ms, expires_ms) VALUES (?, ?, ?, ?, ?, ?)")
        .bind_all(state_hash, state.provider, state.code_verifier, state.redirect_uri, now_ms,
                  expires_ms)
        .run();
}

std::optional<OAuthStateRecord> OAuthStore::use_state(const std::string& state_hash,
                                                      const std::string& provider,
                                                      std::int64_t now_ms) {
    auto state = first_row(
        statements_,
        "SELECT provider, code_verifier, redirect_uri FROM oauth_states WHERE state_hash = ? AND "
        "provider = ? AND expires_ms > ?",
        [](const Statement& row) {
            return OAuthStateRecord{row.column_text(0), row.column_text(1), row.column_text(2)};
        },
        state_hash, provider, now_ms);
    if (state)
        Statement(statements_, "DELETE FROM oauth_states WHERE state_hash = ?")
            .bind_all(state_hash)
            .run();
    return state;
}

void OAuthStore::forget_expired_states(std::int64_t now_ms) {
    Statement(statements_, "DELETE FROM oauth_states WHERE expires_ms <= ?").bind_all(now_ms).run();
}

std::optional<std::string> OAuthStore::linked_user(const std::string& provider,
                                                   const std::string& subject) {
    return first_row(
        statements_, "SELECT user_id FROM oauth_identities WHERE provider = ? AND subject = ?",
        [](const Statement& row) { return row.column_text(0); }, provider, subject);
}

void OAuthStore::link(const std::string& provider, const std::string& subject,
                      const std::string& user_id, std::int64_t now_ms) {
    Statement(statements_, "INSERT INTO oauth_identities (provider, subject, user_id, created_ms) "
                           "VALUES (?, ?, ?, ?)")
        .bind_all(provider, subject, user_id, now_ms)
        .run();
}

} // namespace orchard::store
