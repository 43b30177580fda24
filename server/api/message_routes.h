// Messages, trees, reactions and labels outside tasks (PROTOCOL.md §3) for API-key frontends.
#pragma once

#include "server/http/router.h"
#include "server/store/database.h"

namespace orchard::api {

void add_message_routes(http::Router& router, store::Database& database);

} // namespace orchard::api
