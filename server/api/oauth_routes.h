// Sign-in with an OAuth2 provider (PROTOCOL.md §9): the authorization-code flow with PKCE (S256)
// and a one-time state. `start` sends the browser to the provider; the provider sends it back to
// `callback`, which trades the code for the person's identity, finds or creates their account,
// starts a session and sends the browser to the client with the token in the URL fragment
// (`#oauth_token=`), which never reaches a server log. `GET /api/v1/auth/providers` tells the
// client which sign-in buttons to show. Registered by the route table (route_table.cpp).
#pragma once

#include "server/api/route.h"

namespace orchard::api::oauth_sign_in {

// Each start stores a sign-in for 10 minutes before anyone has signed in: like every write by
// someone not signed in, bounded per address.
extern const RateLimitRule kStartLimit;

http::Response providers(Call& call); // GET /auth/providers
http::Response start(Call& call);     // GET /auth/oauth/{provider}/start
http::Response callback(Call& call);  // GET /auth/oauth/{provider}/callback

} // namespace orchard::api::oauth_sign_in
