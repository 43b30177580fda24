// Everything the tree manager and the task lifecycle read and write, as methods over one open
// transaction. The only place with SQL for these tables; every query is served by an index
// (tests/integration/query_plan_test.cpp checks the plans).
#pragma once

#include "server/store/records.h"

#include <map>
#include <memory>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace orchard::store {

class Statement;
class StatementCache;

class TreeStore {
  public:
    // Over a connection's statement cache (requests), or over a bare connection with a cache of
    // its own that lives as long as this store (tools and tests).
    explicit TreeStore(StatementCache& statements);
    explicit TreeStore(sqlite3* db);
    ~TreeStore();
    TreeStore(const TreeStore&) = delete;
    TreeStore& operator=(const TreeStore&) = delete;
    // The connection's statements, for the other stores of the same request (AccountStore).
    StatementCache& statements() const { return *statements_; }

    // API clients and users.
    void insert_api_client(const ApiClientRecord& client, const std::string& key_hash);
    std::optional<ApiClientRecord> find_api_client_by_key_hash(const std::string& key_hash);
    std::optional<UserRecord> find_user(const std::string& id);
    std::optional<UserRecord> find_frontend_user(const std::optional<std::string>& api_client_id,
                                                 const std::string& auth_method,
                                                 const std::string& external_id);
    void insert_user(const UserRecord& user, std::int64_t now_ms);
    void update_display_name(const std::string& user_id, const std::string& display_name);

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

    // Tasks.
    // The task's state, and the task exactly as it was sent (kept apart: see migration 3).
    void insert_task(const TaskRecord& task, const std::string& payload_json);
    std::string task_payload(const std::string& task_id);
    std::optional<TaskRecord> find_task(const std::string& id);
    std::optional<TaskRecord>
    find_task_by_frontend_id(const std::optional<std::string>& api_client_id,
                             const std::string& frontend_message_id);
    void set_task_acked(const std::string& id, const std::string& frontend_message_id);
    void set_task_done(const std::string& id, const std::string& result_id);
    void set_task_skipped(const std::string& id, const std::string& reason);
    int count_open_tasks(const std::string& user_id, std::int64_t since_ms);
    // An open reply task on `parent_id` held by someone other than `user_id` since `since_ms`.
    bool reply_task_held_by_other(const std::string& parent_id, const std::string& user_id,
                                  std::int64_t since_ms);

    // Labels, rankings and reactions.
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

    // Candidates for the next task of each kind, for one user and language, at most `limit`:
    // those of the oldest trees first, so that started trees get finished, or in no particular
    // order, for counting.
    struct ReplyCandidate {
        std::string message_id;
        std::string role; // of the parent: the reply has the other role
        int children_count;
    };
    std::vector<ReplyCandidate> reply_candidates(const std::string& lang,
                                                 const std::string& user_id,
                                                 std::int64_t open_since_ms,
                                                 int num_prompter_replies, int limit,
                                                 bool oldest_first = true);
    // The review and ranking candidates leave out what `user_id` already labeled or ranked, and
    // what they hold an open task of the same kind on (not expired at `now_ms`): one person
    // reviews or ranks a message once, as in Open-Assistant.
    std::vector<std::string> prompt_review_candidates(const std::string& lang,
                                                      const std::string& user_id,
                                                      std::int64_t now_ms, int num_reviews,
                                                      int limit, bool oldest_first = true);
    // Replies under review (role is the reply's own).
    std::vector<ReplyCandidate> reply_review_candidates(const std::string& lang,
                                                        const std::string& user_id,
                                                        std::int64_t now_ms, int num_reviews,
                                                        int limit, bool oldest_first = true);
    // Parents whose replies need ranking (role is the parent's).
    std::vector<ReplyCandidate> ranking_candidates(const std::string& lang,
                                                   const std::string& user_id, std::int64_t now_ms,
                                                   int num_required_rankings, int limit,
                                                   bool oldest_first = true);

    // Moderation and reactions outside tasks.
    void set_deleted(const std::string& message_id, bool deleted);
    void add_children_count(const std::string& parent_id, int delta);
    void set_tree_active(const std::string& tree_id, bool active, std::int64_t now_ms);
    void update_text(const std::string& message_id, const std::string& text);
    void insert_revision(const std::string& id, const std::string& message_id,
                         const std::string& text, const std::string& user_id, std::int64_t now_ms);
    struct Revision {
        std::string id, text, user_id;
        std::int64_t created_ms;
    };
    std::vector<Revision> revisions(const std::string& message_id);
    void remove_reaction(const std::string& message_id, const std::string& user_id,
                         const std::string& emoji);
    // The user's reactions to a message (emoji codes; skip markers left out).
    std::vector<std::string> user_emojis(const std::string& message_id, const std::string& user_id);
    // Counts of every emoji on a message, stored back into messages.emojis.
    void refresh_emoji_counts(const std::string& message_id);
    // Full-text search, newest first, at most `limit`, older than (before_ms, before_id) if given.
    std::vector<MessageRecord> search_messages(const std::string& query, int limit,
                                               std::optional<std::int64_t> before_ms);

    // Run-time configuration (JSON values by key).
    std::map<std::string, std::string> load_config();
    void save_config(const std::string& key, const std::string& json_value);

  private:
    std::vector<ReplyCandidate> read_candidates(Statement& statement);
    std::unique_ptr<StatementCache> own_statements_;
    StatementCache* statements_;
};

} // namespace orchard::store
