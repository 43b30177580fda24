// Rewards endpoints (PROTOCOL.md §7, §9; docs/rewards.md): leaderboards, a user's stats, window,
// ledger, activity and contributions, the trollboard, the news feed and prizes. Registered by
// the route table (route_table.cpp).
#pragma once

#include "server/api/route.h"

namespace orchard::api::rewards {

http::Response leaderboard(Call& call);   // GET /leaderboards/{frame}
http::Response user_stats(Call& call);    // GET /users/{user_id}/stats
http::Response user_window(Call& call);   // GET /users/{user_id}/stats/{frame}/window
http::Response ledger(Call& call);        // GET /users/{user_id}/ledger
http::Response activity(Call& call);      // GET /users/{user_id}/activity
http::Response contributions(Call& call); // GET /users/{user_id}/contributions
http::Response trollboard(Call& call);    // GET /trollboards/{frame}
http::Response stats(Call& call);         // GET /stats
http::Response news(Call& call);          // GET /news
http::Response prizes(Call& call);        // GET /prizes
// The public widgets' answers (docs/embedding.md): no key, nothing private, any site may read.
http::Response public_leaderboard(Call& call); // GET /public/leaderboards/{frame}
http::Response public_news(Call& call);        // GET /public/news
http::Response public_event_board(Call& call); // GET /public/events/{event}/leaderboard
http::Response add_prize(Call& call);          // POST /admin/prizes
http::Response change_prize(Call& call);       // PUT /admin/prizes/{prize_id}
http::Response remove_prize(Call& call);       // DELETE /admin/prizes/{prize_id}

} // namespace orchard::api::rewards
