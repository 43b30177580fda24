// GET /api/v1/health: the server's version and whether its database answers. Registered by the
// route table (route_table.cpp).
#pragma once

#include "server/api/route.h"

namespace orchard::api::health {

http::Response check(Call& call);

} // namespace orchard::api::health
