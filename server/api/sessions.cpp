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

store::AccountRecord new_account(std::string display_name) {
    store::AccountRecord account;
    account.user_id = domain::new_uuid();
    account.display_name = std::move(display_name);
    account.role = "contributor";
    return account;
}

std::string open_session(store::Database& database, const store::AccountRecord& account) {
    if (!account.enabled || account.deleted)
        throw domain::DomainError(protocol::ErrorCode::UserDisabled, "This account is disabled.");
    const std::string token = new_session_token();
    database.write([&](store::StatementCache& statements) {
        const std::int64_t now = domain::now_ms();
        store::AccountStore(statements)
            .insert_session(hash_session_token(token), account.user_id, now, now + kSessionMs);
    });
    return token;
}

} // namespace orchard::api
