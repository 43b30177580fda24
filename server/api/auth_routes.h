// Accounts of Orchard's own client (PROTOCOL.md §9): register, sign in, continue as guest, claim
// a username, sign out (here or everywhere), who am I, change it, accept the terms, delete the
// account. Sessions are bearer tokens. Registered by the route table (route_table.cpp); the
// rules themselves are the domain's (domain/accounts.h).
#pragma once

#include "server/api/route.h"

namespace orchard::api::auth {

// Registrations and guests, per address (new_accounts_per_address): one budget for both.
extern const RateLimitRule kNewAccountLimit;

http::Response register_account(Call& call); // POST /auth/register
http::Response login(Call& call);            // POST /auth/login
http::Response guest(Call& call);            // POST /auth/guest
http::Response claim(Call& call);            // POST /auth/claim
http::Response change_me(Call& call);        // PUT /auth/me
http::Response me(Call& call);               // GET /auth/me
http::Response accept_terms(Call& call);     // POST /auth/accept_terms
http::Response delete_me(Call& call);        // DELETE /auth/me
http::Response logout(Call& call);           // POST /auth/logout
http::Response logout_all(Call& call);       // POST /auth/logout_all

} // namespace orchard::api::auth
