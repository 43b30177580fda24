// Sign-in by a link sent to one's e-mail address (PROTOCOL.md §9): valid 15 minutes, usable
// once; the first sign-in with an address creates its account. Registered by the route table
// (route_table.cpp).
#pragma once

#include "server/api/route.h"

namespace orchard::api::email_sign_in {

// Sign-in e-mails: a few per sending address and per recipient in ten minutes, so that nobody can
// flood an inbox or the relay through Orchard.
extern const RateLimitRule kEmailLimit;

// POST /auth/email: sends the link. The answer is the same whether or not an account has that
// address.
http::Response send_link(Call& call);
// POST /auth/email/verify: the link's token for a session.
http::Response verify(Call& call);

} // namespace orchard::api::email_sign_in
