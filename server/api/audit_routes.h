// The audit log for admins (docs/moderation.md): every moderator's and admin's action, newest
// first, filtered by who, what and on which target, and a check of its chain of hashes.
// Registered by the route table (route_table.cpp).
#pragma once

#include "server/api/route.h"

namespace orchard::api::audit {

// GET /admin/audit?actor=<user id>&action=&target=&max_count=&before=&after=: newest first
// ({items, next} with `next` for `before`), or with `after` (a row's id) oldest first from
// after that row, to follow the log as it grows.
http::Response list(Call& call);
// GET /admin/audit/verify: {intact, rows, head, problem, bad_id}, as `orchard audit verify`.
http::Response verify(Call& call);

} // namespace orchard::api::audit
