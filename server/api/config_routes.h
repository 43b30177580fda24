// The tree manager's configuration (PROTOCOL.md §5, §9): GET/PUT /api/v1/admin/config, for admins
// only, not moderators. Registered by the route table (route_table.cpp).
#pragma once

#include "server/api/route.h"

namespace orchard::api::config_routes {

http::Response get(Call& call); // GET /admin/config
http::Response put(Call& call); // PUT /admin/config
// GET /admin/config/details: {items: [{key, value, default, last_change}]}, where last_change is
// {date, actor, before, after} from the audit log, or null while the default was never changed.
http::Response details(Call& call);

} // namespace orchard::api::config_routes
