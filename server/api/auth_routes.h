// Accounts of Orchard's own client (PROTOCOL.md §9): register, sign in, continue as guest, sign
// out (here or everywhere), who am I, accept the terms. Sessions are bearer tokens.
#pragma once

#include "server/http/router.h"
#include "server/store/database.h"

namespace orchard::api {

void add_auth_routes(http::Router& router, store::Database& database);

} // namespace orchard::api
