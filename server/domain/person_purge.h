// Purging a person's messages (docs/moderation.md): every message they wrote that is still in
// a tree is deleted with what hangs under it, the trees whose prompt goes end as low grade, and
// the points those messages earned them are taken back. First shown as a preview of exactly
// what would change; then done in one transaction.
#pragma once

#include "server/domain/config.h"
#include "server/domain/rewards.h"
#include "server/store/tree_store.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace orchard::domain {

struct PurgeTreeChange {
    std::string tree_id;
    std::string from;
    std::string to;
};

struct PurgePlan {
    std::string user_id;
    std::vector<store::MessageRecord> messages; // theirs, oldest first
    std::int64_t replies_under = 0;             // other people's messages deleted with them
    std::vector<PurgeTreeChange> trees;
    Rewards::PointsTakenBack points;
};

class PersonPurge {
  public:
    PersonPurge(store::TreeStore& store, const TreeManagerConfig& config, std::int64_t now_ms)
        : store_(store), config_(config), now_ms_(now_ms) {}

    // What purging would change now; nothing is changed.
    PurgePlan plan(const std::string& user_id);
    // Purges; returns what changed (the plan as carried out).
    PurgePlan carry_out(const std::string& user_id, const std::optional<std::string>& moderator_id);

  private:
    PurgePlan make_plan(const std::string& user_id, bool apply);
    std::int64_t count_others_under(const store::MessageRecord& message,
                                    const std::string& user_id);

    store::TreeStore& store_;
    const TreeManagerConfig& config_;
    std::int64_t now_ms_;
};

// The plan as the API shows it: {messages: {count, items}, replies_under, trees, points}.
nlohmann::json purge_plan_json(const PurgePlan& plan);

} // namespace orchard::domain
