// Sign-in with an OAuth2 provider (PROTOCOL.md §9): the authorization-code flow with PKCE (S256)
// and a one-time state. `start` sends the browser to the provider; the provider sends it back to
// `callback`, which trades the code for the person's identity, finds or creates their account,
// starts a session and sends the browser to the client with the token in the URL fragment
// (`#oauth_token=`), which never reaches a server log. `GET /api/v1/auth/providers` tells the
// client which sign-in buttons to show.
#pragma once

#include "server/api/auth_routes.h"
#include "server/http/router.h"
#include "server/store/database.h"

namespace orchard::api {

void add_oauth_routes(http::Router& router, store::Database& database, const AuthOptions& options);

} // namespace orchard::api
