// The task lifecycle endpoints (PROTOCOL.md §2) and the tree manager's configuration
// (GET/PUT /api/v1/admin/config), for frontends calling with an API key.
#pragma once

#include "server/http/router.h"
#include "server/store/database.h"

#include <cstdint>

namespace orchard::api {

// `seed` makes task choices reproducible in tests; 0 seeds from the system's entropy.
void add_task_routes(http::Router& router, store::Database& database, std::uint64_t seed);

} // namespace orchard::api
