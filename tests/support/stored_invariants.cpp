#include "tests/support/stored_invariants.h"

#include "tests/support/database_query.h"
#include "tests/support/test_database.h"

namespace orchard::test {

const std::vector<StoredInvariant>& stored_invariants() {
    static const std::vector<StoredInvariant> rules = {
        {"each message's live children are counted once",
         "SELECT count(*) FROM messages p WHERE p.children_count <> (SELECT count(*) FROM messages "
         "c WHERE c.parent_id = p.id AND c.deleted = 0)"},
        {"no message has more children than its tree allows",
         "SELECT count(*) FROM messages p JOIN message_trees t ON t.id = p.message_tree_id WHERE "
         "p.children_count > t.max_children_count"},
        {"each message is rewarded for its acceptance once (ledger kinds 7 to 9)",
         "SELECT count(*) FROM (SELECT message_id, kind FROM ledger WHERE kind IN (7, 8, 9) GROUP "
         "BY message_id, kind HAVING count(*) > 1) twice"},
        {"each ranking's agreement with the consensus is scored once (ledger kind 6)",
         "SELECT count(*) FROM (SELECT user_id, message_id FROM ledger WHERE kind = 6 GROUP BY "
         "user_id, message_id HAVING count(*) > 1) twice"},
        {"each person's all-time count of each kind is their number of ledger rows of it",
         "SELECT count(*) FROM score_frames s, generate_series(0, 12) k WHERE s.frame = 3 AND "
         "(s.counts::jsonb ->> k)::bigint <> (SELECT count(*) FROM ledger l WHERE l.user_id = "
         "s.user_id AND l.kind = k)",
         true},
        {"everyone in the ledger is on the all-time leaderboard",
         "SELECT count(DISTINCT user_id) FROM ledger WHERE user_id NOT IN (SELECT user_id FROM "
         "score_frames WHERE frame = 3)"},
    };
    return rules;
}

std::vector<BrokenInvariant> broken_invariants(const std::filesystem::path& data_dir) {
    std::vector<BrokenInvariant> broken;
    for (const auto& invariant : stored_invariants()) {
        if (invariant.postgres_only && !on_postgres()) continue;
        const long long rows = query_int(data_dir, invariant.sql);
        if (rows != 0) broken.push_back({invariant.rule, rows});
    }
    return broken;
}

} // namespace orchard::test
