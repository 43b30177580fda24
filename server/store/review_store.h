// What people say about messages: labels (reviews, free labels, reports), rankings and
// reactions. The only SQL for text_labels, rankings and message_reactions but the weight of red
// flags (moderation_store.h).
#pragma once

#include "server/store/records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace orchard::store {

class StatementCache;

class ReviewStore {
  public:
    explicit ReviewStore(StatementCache& statements) : statements_(&statements) {}

    void insert_labels(const std::string& id, const std::string& message_id,
                       const std::string& user_id, const std::optional<std::string>& task_id,
                       const std::string& labels_json, const std::optional<std::string>& text,
                       bool is_report, std::int64_t now_ms, bool arrived_late = false);
    // The on-time task-based reviews of a message (late ones decide nothing).
    std::vector<ReviewRecord> task_reviews(const std::string& message_id);
    bool user_labeled(const std::string& message_id, const std::string& user_id);
    void insert_ranking(const std::string& id, const std::string& parent_id,
                        const std::string& user_id, const std::optional<std::string>& task_id,
                        const std::string& ranking_json, bool not_rankable, std::int64_t now_ms,
                        bool arrived_late = false);
    // Each ranking of `parent_id`'s replies (message ids best first), not-rankable and late
    // ones left out.
    std::vector<std::vector<std::string>> rankings_of(const std::string& parent_id);
    // The same with who ranked (rankings that are not "not rankable", nor late).
    std::vector<RankingRow> ranking_rows(const std::string& parent_id);
    int count_rankings(const std::string& parent_id); // on-time ones
    bool user_ranked(const std::string& parent_id, const std::string& user_id);

    void add_reaction(const std::string& message_id, const std::string& user_id,
                      const std::string& emoji, std::int64_t now_ms);
    bool has_reaction(const std::string& message_id, const std::string& user_id,
                      const std::string& emoji);
    int count_reactions(const std::string& message_id, const std::string& emoji);
    void remove_reaction(const std::string& message_id, const std::string& user_id,
                         const std::string& emoji);
    // The user's reactions to a message (emoji codes; skip markers left out).
    std::vector<std::string> user_emojis(const std::string& message_id, const std::string& user_id);
    // Counts of every emoji on a message, stored back into messages.emojis.
    void refresh_emoji_counts(const std::string& message_id);

  private:
    StatementCache* statements_;
};

} // namespace orchard::store
