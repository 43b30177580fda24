// What a route is: a handler and the rules it runs under, declared once in the route table
// (route_table.cpp) so that who may call it, on which connection, and how often are read in one
// row instead of being spread through wrappers. The rules are applied by one runner
// (route_runner.h), which is also the one place that turns refusals into responses.
#pragma once

#include "server/api/call.h"
#include "server/domain/rate_limiter.h"
#include "server/http/http_types.h"

#include <vector>

namespace orchard::api {

// Who may call (see permissions.h and tests/integration/authorization_matrix_test.cpp).
enum class Access {
    Public,    // anyone; the caller is not identified
    Session,   // signed in to Orchard's own client (Authorization: Bearer), any account state
    Caller,    // an API key, or a session of an enabled account
    Moderator, // a moderator's or admin's session, or a trusted API key
    Admin,     // an admin's session, or a trusted API key
};

// Where the handler's work runs.
enum class Work {
    // On a read connection (Database::read), taking none of the writer's time; a handler that
    // finds it must write after all throws store::WriteNeeded and the call runs again as Write.
    Read,
    // In one write transaction (Database::write): all or nothing.
    Write,
    // Outside any transaction: the handler opens its own through call.database(), so that slow
    // work (Argon2 hashing, an OAuth provider's answer, sending e-mail) never holds the writer.
    OwnTransactions,
};

// How the request body is read before the handler runs.
enum class Body {
    // A JSON object of fields (or nothing); anything else is refused with 400 saying what is
    // wrong with it (which field holds bytes that are not UTF-8, which type came instead).
    Fields,
    // A JSON object of fields (or nothing); anything else is refused with 400 "The request body
    // is not a JSON object.", as the account routes have always answered.
    AccountFields,
    // Not read: the route takes its input from the path and the query.
    Ignored,
};

// A limit on how often a route may be called. The handler takes it (Call::take_rate_limit) once
// it has checked its input, so that a malformed request spends nothing; a limited route that
// answers with success without taking it is a programming error the runner refuses.
struct RateLimitRule {
    // The budgets this call counts against (e.g. per address, per user, per API client).
    std::vector<domain::RateLimit> (*budgets)(Call& call);
    const char* refusal; // the message of the 429
    const char* name;    // where several servers keep the budgets (domain/shared_rate_limiter.h)
};

using Handler = http::Response (*)(Call& call);

// What only some routes need.
struct RouteOptions {
    Body body = Body::Fields;
    // Frontend clients must name the end user (the body's `user` or x-oasst-user): 4000 if not.
    bool named_user = false;
    // Orchard's own accounts must have accepted the terms: "before <this>" says for what.
    const char* terms_before = nullptr;
    const RateLimitRule* limit = nullptr;
};

struct Route {
    const char* method;
    const char* pattern; // path parameters as {name}
    Access access;
    Work work;
    Handler handler;
    RouteOptions options = {};
};

} // namespace orchard::api
