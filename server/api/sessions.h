// What every way of signing in to Orchard's own client shares (PROTOCOL.md §9): the account a
// first sign-in creates, and the session that a sign-in starts.
#pragma once

#include "server/store/account_store.h"
#include "server/store/database.h"

#include <string>

namespace orchard::api {

// A new contributor's account with that display name, not yet stored.
store::AccountRecord new_account(std::string display_name);

// Starts a 30-day session for the account and returns its token (only a hash is stored).
// Throws DomainError 4001 for a disabled or deleted account.
std::string open_session(store::Database& database, const store::AccountRecord& account);

} // namespace orchard::api
