// Rewards endpoints (PROTOCOL.md §7, §9; docs/rewards.md): leaderboards, a user's stats, window,
// ledger, activity and contributions, the trollboard, the news feed and prizes.
#pragma once

#include "server/http/router.h"
#include "server/store/database.h"

namespace orchard::api {

void add_rewards_routes(http::Router& router, store::Database& database);

} // namespace orchard::api
