// Plain rows of the store, as the domain sees them. No SQL here; store/*.cpp fills them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace orchard::store {

struct ApiClientRecord {
    std::string id;
    std::string description;
    bool enabled = true;
    bool trusted = false;
    std::optional<std::string> frontend_type;
};

struct UserRecord {
    std::string id;
    std::optional<std::string> api_client_id;
    std::string auth_method;
    std::string external_id;
    std::string display_name;
    bool enabled = true;
    bool deleted = false;
    std::optional<std::string> disabled_reason; // a moderator's words to a banned person
};

// messages.deleted: 0 in the tree, 1 deleted by a moderator, 2 hidden by auto-moderation until a
// moderator decides (migration 9).
inline constexpr int kDeletedByModerator = 1;
inline constexpr int kHiddenPendingReview = 2;

struct MessageRecord {
    std::string id;
    std::string tree_id;
    std::optional<std::string> parent_id;
    int depth = 0;
    std::string role; // "prompter" or "assistant"
    std::string lang;
    std::string text;
    std::string user_id;
    std::optional<std::string> api_client_id;
    std::optional<std::string> frontend_message_id;
    int review_count = 0;
    std::optional<bool> review_result;
    int ranking_count = 0;
    std::optional<int> rank;
    int children_count = 0;
    bool synthetic = false;
    std::optional<std::string> model_name;
    // Out of the tree: deleted by a moderator, or hidden by auto-moderation until a moderator
    // decides (then `hidden` is set too). Only moderators see such a message.
    bool deleted = false;
    bool hidden = false;
    bool edited = false;
    std::string emojis_json = "{}";
    std::int64_t created_ms = 0;
    // A reply that arrived after its tree had stopped growing (docs/late-contributions.md).
    bool arrived_after_growing = false;
    // Reviews (labels) and rankings of this message that arrived after their round had closed;
    // review_count and ranking_count count the on-time ones only.
    int late_review_count = 0;
    int late_ranking_count = 0;
};

struct TreeRecord {
    std::string id;
    std::string state;
    std::string lang;
    int goal_tree_size = 0;
    int max_depth = 0;
    int max_children_count = 0;
    bool active = true;
    std::optional<std::string> origin;
    std::optional<std::int64_t> won_prompt_lottery_ms;
    std::int64_t created_ms = 0;
};

struct TaskRecord {
    std::string id;
    std::string type;
    std::string user_id;
    std::optional<std::string> api_client_id;
    std::optional<std::string> lang;
    std::optional<std::string> tree_id;
    std::optional<std::string> parent_message_id;
    std::optional<std::string> frontend_message_id;
    bool collective = false;
    std::int64_t created_ms = 0;
    std::int64_t expiry_ms = 0;
    bool acked = false;
    bool done = false;
    bool skipped = false;
    std::optional<std::string> result_id;
};

// One task-based review of a message: the two labels acceptance is computed from.
struct ReviewRecord {
    std::optional<double> spam;
    std::optional<double> lang_mismatch;
};

// One person's ranking of a parent's replies, best first.
struct RankingRow {
    std::string user_id;
    std::vector<std::string> ranking;
};

} // namespace orchard::store
