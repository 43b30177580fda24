// Runs the routes of the route table (route_table.h) by their declared rules, and is the one
// place where a refusal becomes a response: a domain::DomainError thrown by anyone (the body
// check, identifying the caller, the access check, a handler) becomes its PROTOCOL.md error
// object here, after the request's transaction has been rolled back, so it changes nothing.
#pragma once

#include "server/api/call.h"
#include "server/api/route.h"
#include "server/http/router.h"
#include "server/store/database.h"

#include <cstdint>

namespace orchard::api {

// Answers one request for `route`: reads the body as the route says, then where the route's work
// runs (see Work) identifies the caller, checks access and terms, and calls the handler. `limiter`
// holds the state of the route's rate limit, if it has one.
http::Response run_route(const Route& route, ApiServices& services, domain::RateLimiter* limiter,
                         const http::Request& request, const http::PathParams& params);

// Every route of the table into `router`, in the table's order. `seed` makes task choices
// reproducible in tests; 0 seeds from the system's entropy.
void add_api_routes(http::Router& router, store::Database& database, std::uint64_t seed,
                    const AuthOptions& auth);

} // namespace orchard::api
