// What happened to people's messages: "my contributions" and the trollboard's counts. The only
// SQL for these reads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace orchard::store {

class StatementCache;

struct ContributionRow {
    std::int64_t seq = 0;
    std::string message_id;
    std::string tree_id;
    std::optional<std::string> parent_id;
    std::string role;
    std::string text;
    std::int64_t created_ms = 0;
    int review_count = 0;
    std::optional<bool> review_result;
    std::optional<int> rank;
    int ranking_count = 0;
    int replies = 0;           // live replies under it
    int replies_by_others = 0; // of those, written by someone else
    std::string tree_state;
    std::string emojis_json;
    bool deleted = false;
};

// A user's trollboard counts in a time frame.
struct TrollCounts {
    std::string user_id;
    std::int64_t red_flags = 0;
    std::int64_t upvotes = 0;
    std::int64_t downvotes = 0;
    std::int64_t spam_prompts = 0;
    std::map<std::string, std::int64_t> flags; // flag label name → count
};

// The whole system's message counts (the original's GET /stats/).
struct SystemCounts {
    std::int64_t all = 0;
    std::int64_t deleted = 0;
    std::map<std::string, std::int64_t> active_by_lang;
    std::int64_t message_trees = 0;
};

class ActivityStore {
  public:
    explicit ActivityStore(StatementCache& statements) : statements_(statements) {}

    // The user's messages, newest first, before (created_ms, seq) when given.
    std::vector<ContributionRow>
    contributions(const std::string& user_id,
                  const std::optional<std::pair<std::int64_t, std::int64_t>>& before, int limit);
    // Reactions, rejected prompts and flag labels received since `since_ms`, per author.
    std::vector<TrollCounts> troll_counts(std::int64_t since_ms,
                                          const std::vector<std::string>& flag_labels);

    // Reads every message once: for an occasional look, not for every request.
    SystemCounts system_counts();

  private:
    StatementCache& statements_;
};

} // namespace orchard::store
