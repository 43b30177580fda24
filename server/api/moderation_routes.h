// The moderators' flag queue (docs/flag-moderation.md): messages with red flags, the ones
// auto-moderation hid first among them, and a moderator's decision on each.
#pragma once

#include "server/http/router.h"
#include "server/store/database.h"

namespace orchard::api {

void add_moderation_routes(http::Router& router, store::Database& database);

} // namespace orchard::api
