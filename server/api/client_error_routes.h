// POST /api/v1/client_errors: the browser client's crash guard reports a trap of the WebAssembly
// module here, so that a crash people see shows up in the server's error log instead of only in
// their browser's console. Anyone may report (a crash can come before signing in); what is logged
// is bounded in length, stripped of control characters and limited per address and per minute.
#pragma once

#include "server/http/router.h"

namespace orchard::api {

void add_client_error_routes(http::Router& router);

} // namespace orchard::api
