// The tree manager's configuration (PROTOCOL.md §5, §9): GET/PUT /api/v1/admin/config, for admins
// only, not moderators. Registered by the route table (route_table.cpp).
#pragma once

#include "server/api/route.h"

namespace orchard::api::config_routes {

http::Response get(Call& call); // GET /admin/config
http::Response put(Call& call); // PUT /admin/config

} // namespace orchard::api::config_routes
