// GET /api/v1/health: the server's version and whether its database answers.
#pragma once

#include "server/http/router.h"
#include "server/store/database.h"

namespace orchard::api {

void add_health_routes(http::Router& router, store::Database& database);

} // namespace orchard::api
