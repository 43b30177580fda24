// Every API route in one table: what adding an endpoint takes is a handler in the file of its
// topic and one row in route_table.cpp.
#pragma once

#include "server/api/route.h"

#include <vector>

namespace orchard::api {

// In the order the router tries them: a fixed path before a pattern it also matches
// (/messages/cursor before /messages/{message_id}); a path's methods are listed in this order in
// a 405's Allow header.
const std::vector<Route>& route_table();

} // namespace orchard::api
