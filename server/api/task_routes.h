// The task lifecycle endpoints (PROTOCOL.md §2), for frontends calling with an API key and for
// Orchard's own client. Registered by the route table (route_table.cpp).
#pragma once

#include "server/api/route.h"

namespace orchard::api::tasks {

// Task requests count against the limits of the user, of reply tasks, and of the API client.
extern const RateLimitRule kRequestLimit;

http::Response request(Call& call);      // POST /tasks
http::Response availability(Call& call); // POST /tasks/availability
http::Response interaction(Call& call);  // POST /tasks/interaction
http::Response close(Call& call);        // POST /tasks/close
http::Response ack(Call& call);          // POST /tasks/{task_id}/ack
http::Response nack(Call& call);         // POST /tasks/{task_id}/nack

} // namespace orchard::api::tasks
