#include "server/store/tree_store.h"

#include "server/store/ledger_store.h"
#include "server/store/sqlite.h"

#include <nlohmann/json.hpp>

namespace orchard::store {

namespace {

constexpr const char* kMessageColumns =
    "id, message_tree_id, parent_id, depth, role, lang, text, user_id, api_client_id, "
    "frontend_message_id, review_count, review_result, ranking_count, rank, children_count, "
    "synthetic, model_name, deleted, edited, emojis, created_ms, arrived_after_growing, "
    "late_review_count, late_ranking_count";

MessageRecord read_message(const Statement& row) {
    MessageRecord m;
    m.id = row.column_text(0);
    m.tree_id = row.column_text(1);
    m.parent_id = row.column_optional_text(2);
    m.depth = static_cast<int>(row.column_int(3));
    m.role = row.column_text(4);
    m.lang = row.column_text(5);
    m.text = row.column_text(6);
    m.user_id = row.column_text(7);
    m.api_client_id = row.column_optional_text(8);
    m.frontend_message_id = row.column_optional_text(9);
    m.review_count = static_cast<int>(row.column_int(10));
    if (auto result = row.column_optional_int(11)) m.review_result = *result != 0;
    m.ranking_count = static_cast<int>(row.column_int(12));
    if (auto rank = row.column_optional_int(13)) m.rank = static_cast<int>(*rank);
    m.children_count = static_cast<int>(row.column_int(14));
    m.synthetic = row.column_int(15) != 0;
    m.model_name = row.column_optional_text(16);
    m.deleted = row.column_int(17) != 0;
    m.hidden = row.column_int(17) == kHiddenPendingReview;
    m.edited = row.column_int(18) != 0;
    m.emojis_json = row.column_text(19);
    m.created_ms = row.column_int(20);
    m.arrived_after_growing = row.column_int(21) != 0;
    m.late_review_count = static_cast<int>(row.column_int(22));
    m.late_ranking_count = static_cast<int>(row.column_int(23));
    return m;
}

std::vector<MessageRecord> read_messages(Statement& statement) {
    std::vector<MessageRecord> messages;
    while (statement.step())
        messages.push_back(read_message(statement));
    return messages;
}

constexpr const char* kTreeColumns =
    "id, state, lang, goal_tree_size, max_depth, max_children_count, active, origin, "
    "won_prompt_lottery_ms, created_ms";

TreeRecord read_tree(const Statement& row) {
    TreeRecord t;
    t.id = row.column_text(0);
    t.state = row.column_text(1);
    t.lang = row.column_text(2);
    t.goal_tree_size = static_cast<int>(row.column_int(3));
    t.max_depth = static_cast<int>(row.column_int(4));
    t.max_children_count = static_cast<int>(row.column_int(5));
    t.active = row.column_int(6) != 0;
    t.origin = row.column_optional_text(7);
    t.won_prompt_lottery_ms = row.column_optional_int(8);
    t.created_ms = row.column_int(9);
    return t;
}

constexpr const char* kTaskColumns =
    "id, type, user_id, api_client_id, lang, message_tree_id, parent_message_id, "
    "frontend_message_id, collective, created_ms, expiry_ms, acked, done, skipped, result_id";

TaskRecord read_task(const Statement& row) {
    TaskRecord t;
    t.id = row.column_text(0);
    t.type = row.column_text(1);
    t.user_id = row.column_text(2);
    t.api_client_id = row.column_optional_text(3);
    t.lang = row.column_optional_text(4);
    t.tree_id = row.column_optional_text(5);
    t.parent_message_id = row.column_optional_text(6);
    t.frontend_message_id = row.column_optional_text(7);
    t.collective = row.column_int(8) != 0;
    t.created_ms = row.column_int(9);
    t.expiry_ms = row.column_int(10);
    t.acked = row.column_int(11) != 0;
    t.done = row.column_int(12) != 0;
    t.skipped = row.column_int(13) != 0;
    t.result_id = row.column_optional_text(14);
    return t;
}

UserRecord read_user(const Statement& row) {
    UserRecord u;
    u.id = row.column_text(0);
    u.api_client_id = row.column_optional_text(1);
    u.auth_method = row.column_text(2);
    u.external_id = row.column_text(3);
    u.display_name = row.column_text(4);
    u.enabled = row.column_int(5) != 0;
    u.deleted = row.column_int(6) != 0;
    return u;
}

int count(Statement& statement) {
    statement.step();
    return static_cast<int>(statement.column_int(0));
}

std::string sql(const char* before, const char* columns, const char* after) {
    return std::string(before) + columns + after;
}

} // namespace

TreeStore::TreeStore(StatementCache& statements) : statements_(&statements) {}

TreeStore::TreeStore(sqlite3* db)
    : own_statements_(std::make_unique<StatementCache>(db)), statements_(own_statements_.get()) {}

TreeStore::~TreeStore() = default;

// --- API clients and users ---------------------------------------------------------------

void TreeStore::insert_api_client(const ApiClientRecord& client, const std::string& key_hash) {
    Statement(*statements_, "INSERT INTO api_clients (id, key_hash, description, enabled, trusted, "
                            "frontend_type, created_ms) VALUES (?, ?, ?, ?, ?, ?, "
                            "CAST(strftime('%s', 'now') AS INTEGER) * 1000)")
        .bind_all(client.id, key_hash, client.description, client.enabled, client.trusted,
                  client.frontend_type)
        .run();
}

std::optional<ApiClientRecord> TreeStore::find_api_client_by_key_hash(const std::string& key_hash) {
    auto read = [](const Statement& row) {
        return ApiClientRecord{row.column_text(0), row.column_text(1), row.column_int(2) != 0,
                               row.column_int(3) != 0, row.column_optional_text(4)};
    };
    return first_row(*statements_,
                     "SELECT id, description, enabled, trusted, frontend_type FROM api_clients "
                     "WHERE key_hash = ?",
                     read, key_hash);
}

std::optional<UserRecord> TreeStore::find_user(const std::string& id) {
    return first_row(*statements_,
                     "SELECT id, api_client_id, auth_method, external_id, display_name, enabled, "
                     "deleted FROM users WHERE id = ?",
                     read_user, id);
}

std::optional<UserRecord>
TreeStore::find_frontend_user(const std::optional<std::string>& api_client_id,
                              const std::string& auth_method, const std::string& external_id) {
    return first_row(*statements_,
                     "SELECT id, api_client_id, auth_method, external_id, display_name, enabled, "
                     "deleted FROM users WHERE api_client_id IS ? AND auth_method = ? AND "
                     "external_id = ?",
                     read_user, api_client_id, auth_method, external_id);
}

void TreeStore::insert_user(const UserRecord& user, std::int64_t now_ms) {
    Statement(*statements_,
              "INSERT INTO users (id, api_client_id, auth_method, external_id, display_name, "
              "enabled, deleted, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(user.id, user.api_client_id, user.auth_method, user.external_id,
                  user.display_name, user.enabled, user.deleted, now_ms)
        .run();
}

void TreeStore::update_display_name(const std::string& user_id, const std::string& display_name) {
    Statement(*statements_, "UPDATE users SET display_name = ? WHERE id = ?")
        .bind_all(display_name, user_id)
        .run();
    LedgerStore(*statements_).touch_boards(); // leaderboards show the name
}

// --- Messages ----------------------------------------------------------------------------

void TreeStore::insert_message(const MessageRecord& m) {
    Statement(*statements_,
              "INSERT INTO messages (id, message_tree_id, parent_id, depth, role, lang, text, "
              "user_id, api_client_id, frontend_message_id, review_count, review_result, "
              "ranking_count, rank, children_count, synthetic, model_name, deleted, edited, "
              "emojis, created_ms, arrived_after_growing) VALUES "
              "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(m.id, m.tree_id, m.parent_id, m.depth, m.role, m.lang, m.text, m.user_id,
                  m.api_client_id, m.frontend_message_id, m.review_count, m.review_result,
                  m.ranking_count, m.rank, m.children_count, m.synthetic, m.model_name, m.deleted,
                  m.edited, m.emojis_json, m.created_ms, m.arrived_after_growing)
        .run();
}

std::optional<MessageRecord> TreeStore::find_message(const std::string& id) {
    return first_row(*statements_, sql("SELECT ", kMessageColumns, " FROM messages WHERE id = ?"),
                     read_message, id);
}

std::optional<MessageRecord>
TreeStore::find_message_by_frontend_id(const std::optional<std::string>& api_client_id,
                                       const std::string& frontend_message_id) {
    return first_row(*statements_,
                     sql("SELECT ", kMessageColumns,
                         " FROM messages WHERE api_client_id IS ? AND frontend_message_id = ?"),
                     read_message, api_client_id, frontend_message_id);
}

std::vector<MessageRecord> TreeStore::conversation(const std::string& message_id) {
    // Walks up the parent links (depth is small: max_tree_depth), then reverses.
    std::vector<MessageRecord> path;
    std::optional<std::string> next = message_id;
    while (next) {
        auto message = find_message(*next);
        if (!message) break;
        next = message->parent_id;
        path.push_back(std::move(*message));
    }
    return {path.rbegin(), path.rend()};
}

std::vector<MessageRecord> TreeStore::children(const std::string& parent_id, bool include_deleted) {
    Statement s(*statements_, sql("SELECT ", kMessageColumns,
                                  " FROM messages WHERE parent_id = ? AND (deleted = 0 OR ?) "
                                  "ORDER BY created_ms, id"));
    s.bind_all(parent_id, include_deleted);
    return read_messages(s);
}

std::vector<MessageRecord> TreeStore::tree_messages(const std::string& tree_id) {
    Statement s(*statements_,
                sql("SELECT ", kMessageColumns,
                    " FROM messages WHERE message_tree_id = ? ORDER BY depth, created_ms, id"));
    s.bind_all(tree_id);
    return read_messages(s);
}

void TreeStore::set_review(const std::string& message_id, int review_count,
                           std::optional<bool> review_result) {
    Statement(*statements_, "UPDATE messages SET review_count = ?, review_result = ? WHERE id = ?")
        .bind_all(review_count, review_result, message_id)
        .run();
}

void TreeStore::add_child(const std::string& parent_id) {
    Statement(*statements_, "UPDATE messages SET children_count = children_count + 1 WHERE id = ?")
        .bind_all(parent_id)
        .run();
}

void TreeStore::set_rank(const std::string& message_id, std::optional<int> rank) {
    Statement(*statements_, "UPDATE messages SET rank = ? WHERE id = ?")
        .bind_all(rank, message_id)
        .run();
}

void TreeStore::increment_ranking_count(const std::string& message_id) {
    Statement(*statements_, "UPDATE messages SET ranking_count = ranking_count + 1 WHERE id = ?")
        .bind_all(message_id)
        .run();
}

void TreeStore::increment_late_review_count(const std::string& message_id) {
    Statement(*statements_,
              "UPDATE messages SET late_review_count = late_review_count + 1 WHERE id = ?")
        .bind_all(message_id)
        .run();
}

void TreeStore::increment_late_ranking_count(const std::string& message_id) {
    Statement(*statements_,
              "UPDATE messages SET late_ranking_count = late_ranking_count + 1 WHERE id = ?")
        .bind_all(message_id)
        .run();
}

int TreeStore::count_accepted(const std::string& tree_id) {
    Statement s(*statements_, "SELECT count(*) FROM messages WHERE message_tree_id = ? AND "
                              "review_result = 1 AND deleted = 0");
    s.bind_all(tree_id);
    return count(s);
}

int TreeStore::count_under_review(const std::string& tree_id) {
    Statement s(*statements_, "SELECT count(*) FROM messages WHERE message_tree_id = ? AND "
                              "review_result IS NULL AND deleted = 0");
    s.bind_all(tree_id);
    return count(s);
}

bool TreeStore::user_wrote_text_since(const std::string& user_id, const std::string& text,
                                      std::int64_t since_ms) {
    Statement s(*statements_,
                "SELECT EXISTS (SELECT 1 FROM messages WHERE user_id = ? AND created_ms >= ? AND "
                "text = ?)");
    s.bind_all(user_id, since_ms, text);
    return count(s) != 0; // stops at the first match
}

bool TreeStore::user_replied_under(const std::string& user_id, const std::string& parent_id) {
    Statement s(*statements_,
                "SELECT EXISTS (SELECT 1 FROM messages WHERE parent_id = ? AND user_id = ? AND "
                "deleted = 0)");
    s.bind_all(parent_id, user_id);
    return count(s) != 0; // stops at the first match
}

// --- Trees -------------------------------------------------------------------------------

void TreeStore::insert_tree(const TreeRecord& t) {
    Statement(*statements_,
              "INSERT INTO message_trees (id, state, lang, goal_tree_size, max_depth, "
              "max_children_count, active, origin, won_prompt_lottery_ms, created_ms, "
              "updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(t.id, t.state, t.lang, t.goal_tree_size, t.max_depth, t.max_children_count,
                  t.active, t.origin, t.won_prompt_lottery_ms, t.created_ms, t.created_ms)
        .run();
}

std::optional<TreeRecord> TreeStore::find_tree(const std::string& id) {
    return first_row(*statements_, sql("SELECT ", kTreeColumns, " FROM message_trees WHERE id = ?"),
                     read_tree, id);
}

void TreeStore::set_tree_state(const std::string& id, const std::string& state,
                               std::int64_t now_ms) {
    Statement(*statements_, "UPDATE message_trees SET state = ?, updated_ms = ? WHERE id = ?")
        .bind_all(state, now_ms, id)
        .run();
}

void TreeStore::set_tree_lottery_won(const std::string& id, std::int64_t now_ms) {
    Statement(*statements_,
              "UPDATE message_trees SET won_prompt_lottery_ms = ?, updated_ms = ? WHERE id = ?")
        .bind_all(now_ms, now_ms, id)
        .run();
}

int TreeStore::count_trees(const std::string& state, const std::string& lang) {
    Statement s(*statements_, "SELECT count(*) FROM message_trees WHERE state = ? AND lang = ?");
    s.bind_all(state, lang);
    return count(s);
}

std::vector<TreeStore::LotteryEntry> TreeStore::lottery_entries(const std::string& lang,
                                                                std::int64_t since_ms, int limit) {
    // One statement for what took one read of each prompt and one count per author: with
    // hundreds of prompts waiting, those reads held the writer for tens of milliseconds on
    // bench_big_db's database. The count reads messages_first_place_by_user (migration 7).
    Statement s(*statements_, R"sql(
        SELECT t.id, t.created_ms, m.user_id,
               (SELECT count(*) FROM messages f
                WHERE f.user_id = m.user_id AND f.created_ms >= ?2
                  AND f.rank = 0 AND f.parent_id IS NOT NULL AND f.deleted = 0)
        FROM message_trees t JOIN messages m ON m.id = t.id
        WHERE t.state = 'prompt_lottery_waiting' AND t.lang = ?1
        LIMIT ?3
    )sql");
    s.bind_all(lang, since_ms, limit);
    std::vector<LotteryEntry> entries;
    while (s.step())
        entries.push_back({s.column_text(0), s.column_int(1), s.column_text(2),
                           static_cast<long>(s.column_int(3))});
    return entries;
}

std::vector<std::string> TreeStore::languages_with_trees_in_state(const std::string& state) {
    Statement s(*statements_, "SELECT DISTINCT lang FROM message_trees WHERE state = ?");
    s.bind_all(state);
    return first_column_texts(s);
}

// --- Tasks -------------------------------------------------------------------------------

void TreeStore::insert_task(const TaskRecord& t, const std::string& payload_json) {
    Statement(*statements_, "INSERT INTO tasks (id, type, user_id, api_client_id, lang, "
                            "message_tree_id, parent_message_id, frontend_message_id, collective, "
                            "created_ms, expiry_ms, acked, done, skipped, result_id) VALUES "
                            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(t.id, t.type, t.user_id, t.api_client_id, t.lang, t.tree_id, t.parent_message_id,
                  t.frontend_message_id, t.collective, t.created_ms, t.expiry_ms, t.acked, t.done,
                  t.skipped, t.result_id)
        .run();
    Statement(*statements_, "INSERT INTO task_payloads (task_id, payload) VALUES (?, ?)")
        .bind_all(t.id, payload_json)
        .run();
}

std::string TreeStore::task_payload(const std::string& task_id) {
    return first_row(
               *statements_, "SELECT payload FROM task_payloads WHERE task_id = ?",
               [](const Statement& row) { return row.column_text(0); }, task_id)
        .value_or("{}");
}

std::optional<TaskRecord> TreeStore::find_task(const std::string& id) {
    return first_row(*statements_, sql("SELECT ", kTaskColumns, " FROM tasks WHERE id = ?"),
                     read_task, id);
}

std::optional<TaskRecord>
TreeStore::find_task_by_frontend_id(const std::optional<std::string>& api_client_id,
                                    const std::string& frontend_message_id) {
    return first_row(*statements_,
                     sql("SELECT ", kTaskColumns,
                         " FROM tasks WHERE api_client_id IS ? AND frontend_message_id = ?"),
                     read_task, api_client_id, frontend_message_id);
}

void TreeStore::set_task_acked(const std::string& id, const std::string& frontend_message_id) {
    Statement(*statements_, "UPDATE tasks SET acked = 1, frontend_message_id = ? WHERE id = ?")
        .bind_all(frontend_message_id, id)
        .run();
}

void TreeStore::set_task_done(const std::string& id, const std::string& result_id) {
    Statement(*statements_, "UPDATE tasks SET done = 1, result_id = ? WHERE id = ?")
        .bind_all(result_id, id)
        .run();
}

void TreeStore::set_task_skipped(const std::string& id, const std::string& reason) {
    Statement(*statements_, "UPDATE tasks SET skipped = 1, skip_reason = ? WHERE id = ?")
        .bind_all(reason, id)
        .run();
}

int TreeStore::count_open_tasks(const std::string& user_id, std::int64_t since_ms) {
    Statement s(*statements_,
                "SELECT count(*) FROM tasks WHERE user_id = ? AND created_ms >= ? AND "
                "done = 0 AND skipped = 0");
    s.bind_all(user_id, since_ms);
    return count(s);
}

bool TreeStore::reply_task_held_by_other(const std::string& parent_id, const std::string& user_id,
                                         std::int64_t since_ms) {
    Statement s(*statements_,
                "SELECT EXISTS (SELECT 1 FROM tasks WHERE parent_message_id = ? AND type IN "
                "('assistant_reply', 'prompter_reply') AND created_ms >= ? AND done = 0 AND "
                "skipped = 0 AND user_id != ?)");
    s.bind_all(parent_id, since_ms, user_id);
    return count(s) != 0; // stops at the first match
}

// --- Labels, rankings, reactions ---------------------------------------------------------

void TreeStore::insert_labels(const std::string& id, const std::string& message_id,
                              const std::string& user_id, const std::optional<std::string>& task_id,
                              const std::string& labels_json,
                              const std::optional<std::string>& text, bool is_report,
                              std::int64_t now_ms, bool arrived_late) {
    Statement(*statements_,
              "INSERT INTO text_labels (id, message_id, user_id, task_id, labels, text, "
              "is_report, created_ms, arrived_late) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(id, message_id, user_id, task_id, labels_json, text, is_report, now_ms,
                  arrived_late)
        .run();
}

std::vector<ReviewRecord> TreeStore::task_reviews(const std::string& message_id) {
    Statement s(*statements_,
                "SELECT json_extract(labels, '$.spam'), json_extract(labels, "
                "'$.lang_mismatch') FROM text_labels WHERE message_id = ? AND task_id IS NOT "
                "NULL AND is_report = 0 AND arrived_late = 0"); // late ones decide nothing
    s.bind_all(message_id);
    std::vector<ReviewRecord> reviews;
    while (s.step()) {
        ReviewRecord review;
        if (!s.column_is_null(0)) review.spam = s.column_double(0);
        if (!s.column_is_null(1)) review.lang_mismatch = s.column_double(1);
        reviews.push_back(review);
    }
    return reviews;
}

bool TreeStore::user_labeled(const std::string& message_id, const std::string& user_id) {
    Statement s(*statements_,
                "SELECT count(*) FROM text_labels WHERE message_id = ? AND user_id = ? AND "
                "task_id IS NOT NULL");
    s.bind_all(message_id, user_id);
    return count(s) > 0;
}

void TreeStore::insert_ranking(const std::string& id, const std::string& parent_id,
                               const std::string& user_id,
                               const std::optional<std::string>& task_id,
                               const std::string& ranking_json, bool not_rankable,
                               std::int64_t now_ms, bool arrived_late) {
    Statement(*statements_,
              "INSERT INTO rankings (id, parent_message_id, user_id, task_id, ranking, "
              "not_rankable, created_ms, arrived_late) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(id, parent_id, user_id, task_id, ranking_json, not_rankable, now_ms, arrived_late)
        .run();
}

std::vector<std::vector<std::string>> TreeStore::rankings_of(const std::string& parent_id) {
    std::vector<std::vector<std::string>> rankings;
    for (auto& row : ranking_rows(parent_id))
        rankings.push_back(std::move(row.ranking));
    return rankings;
}

std::vector<RankingRow> TreeStore::ranking_rows(const std::string& parent_id) {
    // Late rankings (given after their round closed) take no part in a consensus.
    Statement s(*statements_, "SELECT user_id, ranking FROM rankings WHERE parent_message_id = ? "
                              "AND not_rankable = 0 AND arrived_late = 0 ORDER BY created_ms");
    s.bind_all(parent_id);
    std::vector<RankingRow> rankings;
    while (s.step()) {
        RankingRow row{s.column_text(0), {}};
        auto json = nlohmann::json::parse(s.column_text(1), nullptr, false);
        if (json.is_array())
            for (const auto& id : json)
                if (id.is_string()) row.ranking.push_back(id.get<std::string>());
        rankings.push_back(std::move(row));
    }
    return rankings;
}

std::int64_t TreeStore::message_number(const std::string& message_id) {
    Statement s(*statements_, "SELECT seq FROM messages WHERE id = ?");
    s.bind_all(message_id);
    return s.step() ? s.column_int(0) : 0;
}

int TreeStore::count_rankings(const std::string& parent_id) {
    Statement s(*statements_, "SELECT count(*) FROM rankings WHERE parent_message_id = ? AND "
                              "arrived_late = 0");
    s.bind_all(parent_id);
    return count(s);
}

bool TreeStore::user_ranked(const std::string& parent_id, const std::string& user_id) {
    Statement s(*statements_,
                "SELECT count(*) FROM rankings WHERE parent_message_id = ? AND user_id = ?");
    s.bind_all(parent_id, user_id);
    return count(s) > 0;
}

void TreeStore::add_reaction(const std::string& message_id, const std::string& user_id,
                             const std::string& emoji, std::int64_t now_ms) {
    Statement(*statements_, "INSERT OR IGNORE INTO message_reactions (message_id, user_id, emoji, "
                            "created_ms) VALUES (?, ?, ?, ?)")
        .bind_all(message_id, user_id, emoji, now_ms)
        .run();
}

bool TreeStore::has_reaction(const std::string& message_id, const std::string& user_id,
                             const std::string& emoji) {
    Statement s(
        *statements_,
        "SELECT EXISTS (SELECT 1 FROM message_reactions WHERE message_id = ? AND user_id = ? "
        "AND emoji = ?)");
    s.bind_all(message_id, user_id, emoji);
    return count(s) != 0; // stops at the first match
}

int TreeStore::count_reactions(const std::string& message_id, const std::string& emoji) {
    Statement s(*statements_,
                "SELECT count(*) FROM message_reactions WHERE message_id = ? AND emoji = ?");
    s.bind_all(message_id, emoji);
    return count(s);
}

// --- Moderation and reactions ------------------------------------------------------------

void TreeStore::set_deleted(const std::string& message_id, bool deleted) {
    Statement(*statements_, "UPDATE messages SET deleted = ? WHERE id = ?")
        .bind_all(deleted, message_id)
        .run();
}

void TreeStore::add_children_count(const std::string& parent_id, int delta) {
    Statement(*statements_,
              "UPDATE messages SET children_count = max(0, children_count + ?) WHERE id = ?")
        .bind_all(delta, parent_id)
        .run();
}

void TreeStore::set_tree_active(const std::string& tree_id, bool active, std::int64_t now_ms) {
    Statement(*statements_, "UPDATE message_trees SET active = ?, updated_ms = ? WHERE id = ?")
        .bind_all(active, now_ms, tree_id)
        .run();
}

void TreeStore::update_text(const std::string& message_id, const std::string& text) {
    Statement(*statements_, "UPDATE messages SET text = ?, edited = 1 WHERE id = ?")
        .bind_all(text, message_id)
        .run();
}

void TreeStore::insert_revision(const std::string& id, const std::string& message_id,
                                const std::string& text, const std::string& user_id,
                                std::int64_t now_ms) {
    Statement(*statements_,
              "INSERT INTO message_revisions (id, message_id, text, user_id, created_ms) "
              "VALUES (?, ?, ?, ?, ?)")
        .bind_all(id, message_id, text, user_id, now_ms)
        .run();
}

std::vector<TreeStore::Revision> TreeStore::revisions(const std::string& message_id) {
    Statement s(*statements_, "SELECT id, text, user_id, created_ms FROM message_revisions WHERE "
                              "message_id = ? ORDER BY created_ms, id");
    s.bind_all(message_id);
    std::vector<Revision> list;
    while (s.step())
        list.push_back({s.column_text(0), s.column_text(1), s.column_text(2), s.column_int(3)});
    return list;
}

void TreeStore::remove_reaction(const std::string& message_id, const std::string& user_id,
                                const std::string& emoji) {
    Statement(*statements_,
              "DELETE FROM message_reactions WHERE message_id = ? AND user_id = ? AND emoji = ?")
        .bind_all(message_id, user_id, emoji)
        .run();
}

std::vector<std::string> TreeStore::user_emojis(const std::string& message_id,
                                                const std::string& user_id) {
    Statement s(*statements_,
                "SELECT emoji FROM message_reactions WHERE message_id = ? AND user_id = ? "
                "AND substr(emoji, 1, 1) != '_' ORDER BY emoji");
    s.bind_all(message_id, user_id);
    return first_column_texts(s);
}

void TreeStore::refresh_emoji_counts(const std::string& message_id) {
    Statement s(*statements_,
                "SELECT emoji, count(*) FROM message_reactions WHERE message_id = ? AND "
                "substr(emoji, 1, 1) != '_' GROUP BY emoji");
    s.bind_all(message_id);
    nlohmann::json counts = nlohmann::json::object();
    while (s.step())
        counts[s.column_text(0)] = s.column_int(1);
    Statement(*statements_, "UPDATE messages SET emojis = ? WHERE id = ?")
        .bind_all(counts.dump(), message_id)
        .run();
}

std::vector<MessageRecord> TreeStore::search_messages(const std::string& query, int limit,
                                                      std::optional<std::int64_t> before_ms) {
    // The query is matched as a phrase of words, so that FTS5 syntax in user input is inert.
    std::string phrase = "\"";
    for (char c : query)
        phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
    phrase += "\"";
    Statement s(*statements_,
                sql("SELECT ", kMessageColumns,
                    " FROM messages WHERE seq IN (SELECT rowid FROM messages_fts WHERE "
                    "messages_fts MATCH ?) AND deleted = 0 AND created_ms < ? "
                    "ORDER BY created_ms DESC, id DESC LIMIT ?"));
    s.bind_all(phrase, before_ms.value_or(INT64_MAX), limit);
    return read_messages(s);
}

// --- Configuration -----------------------------------------------------------------------

std::map<std::string, std::string> TreeStore::load_config() {
    Statement s(*statements_, "SELECT key, value FROM config");
    std::map<std::string, std::string> values;
    while (s.step())
        values[s.column_text(0)] = s.column_text(1);
    return values;
}

void TreeStore::save_config(const std::string& key, const std::string& json_value) {
    Statement(*statements_, "INSERT INTO config (key, value) VALUES (?, ?) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind_all(key, json_value)
        .run();
}

} // namespace orchard::store
