// Messages and their trees: the rows, their counts and states, revisions after edits and
// full-text search. The only SQL for messages, message_trees, message_revisions and
// messages_fts.
#pragma once

#include "server/store/records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace orchard::store {

class StatementCache;

class MessageStore {
  public:
    explicit MessageStore(StatementCache& statements) : statements_(&statements) {}

    // Messages.
    void insert_message(const MessageRecord& message);
    std::optional<MessageRecord> find_message(const std::string& id);
    std::optional<MessageRecord>
    find_message_by_frontend_id(const std::optional<std::string>& api_client_id,
                                const std::string& frontend_message_id);
    // From the root down to `message_id`, inclusive.
    std::vector<MessageRecord> conversation(const std::string& message_id);
    std::vector<MessageRecord> children(const std::string& parent_id, bool include_deleted = false);
    std::vector<MessageRecord> tree_messages(const std::string& tree_id);
    // The message's number in the order messages were written (1 for the first ever).
    std::int64_t message_number(const std::string& message_id);
    void set_review(const std::string& message_id, int review_count,
                    std::optional<bool> review_result);
    void add_child(const std::string& parent_id); // children_count + 1
    void set_rank(const std::string& message_id, std::optional<int> rank);
    void increment_ranking_count(const std::string& message_id);
    // A review or ranking that arrived after its round closed (docs/late-contributions.md).
    void increment_late_review_count(const std::string& message_id);
    void increment_late_ranking_count(const std::string& message_id);
    int count_accepted(const std::string& tree_id);
    int count_under_review(const std::string& tree_id);
    bool user_wrote_text_since(const std::string& user_id, const std::string& text,
                               std::int64_t since_ms);
    // A live reply by `user_id` directly under `parent_id`.
    bool user_replied_under(const std::string& user_id, const std::string& parent_id);

    // Trees.
    void insert_tree(const TreeRecord& tree);
    std::optional<TreeRecord> find_tree(const std::string& id);
    void set_tree_state(const std::string& id, const std::string& state, std::int64_t now_ms);
    void set_tree_lottery_won(const std::string& id, std::int64_t now_ms);
    int count_trees(const std::string& state, const std::string& lang);
    std::vector<std::string> languages_with_trees_in_state(const std::string& state);
    // The prompt lottery's tickets: the trees of `lang` waiting for it, each with its prompt's
    // author and that author's replies since `since_ms` that the consensus ranked first.
    struct LotteryEntry {
        std::string tree_id;
        std::int64_t created_ms;
        std::string author_id;
        long author_first_places;
    };
    std::vector<LotteryEntry> lottery_entries(const std::string& lang, std::int64_t since_ms,
                                              int limit);

    // Moderation: deleting, counting live children, editing with every revision kept.
    void set_deleted(const std::string& message_id, bool deleted);
    void add_children_count(const std::string& parent_id, int delta);
    void update_text(const std::string& message_id, const std::string& text);
    void insert_revision(const std::string& id, const std::string& message_id,
                         const std::string& text, const std::string& user_id, std::int64_t now_ms);
    struct Revision {
        std::string id, text, user_id;
        std::int64_t created_ms;
    };
    std::vector<Revision> revisions(const std::string& message_id);
    // Full-text search, newest first, at most `limit`, older than before_ms if given.
    std::vector<MessageRecord> search_messages(const std::string& query, int limit,
                                               std::optional<std::int64_t> before_ms);

  private:
    StatementCache* statements_;
};

} // namespace orchard::store
