// What every way of signing in to Orchard's own client shares (PROTOCOL.md §9): the session that
// a sign-in starts, and the account as the client reads it.
#pragma once

#include "server/domain/domain_error.h"
#include "server/http/http_types.h"
#include "server/store/account_store.h"
#include "server/store/database.h"

#include <nlohmann/json.hpp>

#include <string>

namespace orchard::api {

// 4001 for a disabled account, with the ban's reason when a moderator gave one.
domain::DomainError account_disabled(const std::optional<std::string>& reason);

// Starts a 30-day session for the account and returns its token (only a hash is stored).
// Throws DomainError 4001 for a disabled or deleted account.
std::string open_session(store::Database& database, const store::AccountRecord& account);

// The account as the client reads it (GET /auth/me and every sign-in's answer).
nlohmann::json account_json(const store::AccountRecord& account);

// Starts a session for the account and answers {"token", "user"} with `status`.
http::Response session_answer(store::Database& database, const store::AccountRecord& account,
                              int status);

} // namespace orchard::api
