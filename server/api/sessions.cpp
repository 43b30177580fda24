#include "server/api/sessions.h"

#include "protocol/errors.h"
#include "server/api/credentials.h"
#include "server/domain/domain_error.h"
#include "server/domain/ids.h"

namespace orchard::api {

namespace {

// A session lasts 30 days; signing out ends it earlier.
constexpr std::int64_t kSessionMs = std::int64_t{30} * 24 * 60 * 60 * 1000;

} // namespace

domain::DomainError account_disabled(const std::optional<std::string>& reason) {
    // A ban's reason is for the person it bans: the answer says it after the fixed sentence,
    // and as a field of its own for clients that word the sentence themselves.
    domain::DomainError error(protocol::ErrorCode::UserDisabled,
                              reason ? "This account is disabled: " + *reason
                                     : std::string("This account is disabled."));
    error.reason = reason;
    return error;
}

std::string open_session(store::Database& database, const store::AccountRecord& account) {
    if (!account.enabled || account.deleted) throw account_disabled(account.disabled_reason);
    const std::string token = new_session_token();
    database.write([&](store::StatementCache& statements) {
        const std::int64_t now = domain::now_ms();
        store::AccountStore(statements)
            .insert_session(hash_session_token(token), account.user_id, now, now + kSessionMs);
    });
    return token;
}

nlohmann::json account_json(const store::AccountRecord& account) {
    return {{"id", account.user_id},
            {"username", account.username ? nlohmann::json(*account.username) : nullptr},
            {"display_name", account.display_name},
            {"role", account.role},
            {"guest", account.is_guest()},
            {"terms_accepted", account.terms_accepted_ms.has_value()},
            {"show_on_leaderboard", account.show_on_leaderboard},
            {"enabled", account.enabled},
            {"disabled_reason", account.disabled_reason ? nlohmann::json(*account.disabled_reason)
                                                        : nlohmann::json(nullptr)}};
}

http::Response session_answer(store::Database& database, const store::AccountRecord& account,
                              int status) {
    const std::string token = open_session(database, account);
    return http::Response::json(status, {{"token", token}, {"user", account_json(account)}});
}

} // namespace orchard::api
