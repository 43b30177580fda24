// "My contributions" (what became of each of my messages) and the moderators' trollboard
// (PROTOCOL.md §7), as the JSON of docs/rewards.md.
#pragma once

#include "server/domain/points.h"

#include <nlohmann/json.hpp>
#include <string>

namespace orchard::store {
class StatementCache;
}

namespace orchard::domain {

nlohmann::json contributions(store::StatementCache& statements, const std::string& user_id,
                             const std::string& before, int max_count);

// The original's system stats: {all, active, active_by_lang, deleted, message_trees}.
nlohmann::json system_stats(store::StatementCache& statements);

// 3 × red flags − upvotes + downvotes + rejected prompts + flag labels, received in the frame.
nlohmann::json trollboard(store::StatementCache& statements, TimeFrame frame, int max_count,
                          std::int64_t now_ms);
// The person's row of the all-time trollboard, with their rank; null when nothing counts.
nlohmann::json troll_line(store::StatementCache& statements, const std::string& user_id,
                          std::int64_t now_ms);

} // namespace orchard::domain
