// The tree manager's status for moderators and admins (docs/moderation.md): trees per state and
// language, the active trees with their sizes, and the task kinds a newcomer could get in each
// language being worked on. Registered by the route table (route_table.cpp).
#pragma once

#include "server/api/route.h"

namespace orchard::api::tree_status {

// GET /moderation/status: {trees, active_trees, available_tasks}.
http::Response status(Call& call);

} // namespace orchard::api::tree_status
