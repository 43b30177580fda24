// POST /api/v1/client_errors: the browser client's crash guard reports a trap of the WebAssembly
// module here, so that a crash people see shows up in the server's error log instead of only in
// their browser's console. Anyone may report (a crash can come before signing in); what is logged
// is bounded in length, stripped of control characters and limited per address and per minute.
// Registered by the route table (route_table.cpp).
#pragma once

#include "server/api/route.h"

namespace orchard::api::client_errors {

// A client in a crash loop reports once per reload; a few a minute tell the story.
extern const RateLimitRule kReportLimit;

http::Response report(Call& call);

} // namespace orchard::api::client_errors
