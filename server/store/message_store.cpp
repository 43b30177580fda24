#include "server/store/message_store.h"

#include "server/store/dialect.h"
#include "server/store/statement.h"
#include "server/store/store_rows.h"

namespace orchard::store {

using namespace rows;

void MessageStore::insert_message(const MessageRecord& m) {
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

std::optional<MessageRecord> MessageStore::find_message(const std::string& id) {
    return first_row(*statements_, sql("SELECT ", kMessageColumns, " FROM messages WHERE id = ?"),
                     read_message, id);
}

std::optional<MessageRecord>
MessageStore::find_message_by_frontend_id(const std::optional<std::string>& api_client_id,
                                          const std::string& frontend_message_id) {
    return first_row(*statements_,
                     sql("SELECT ", kMessageColumns,
                         " FROM messages WHERE api_client_id IS NOT DISTINCT FROM ? AND "
                         "frontend_message_id = ?"),
                     read_message, api_client_id, frontend_message_id);
}

std::vector<MessageRecord> MessageStore::conversation(const std::string& message_id) {
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

std::vector<MessageRecord> MessageStore::children(const std::string& parent_id,
                                                  bool include_deleted) {
    Statement s(*statements_, sql("SELECT ", kMessageColumns,
                                  " FROM messages WHERE parent_id = ? AND (deleted = 0 OR ?) "
                                  "ORDER BY created_ms, id"));
    s.bind_all(parent_id, include_deleted);
    return read_messages(s);
}

std::vector<MessageRecord> MessageStore::tree_messages(const std::string& tree_id) {
    Statement s(*statements_,
                sql("SELECT ", kMessageColumns,
                    " FROM messages WHERE message_tree_id = ? ORDER BY depth, created_ms, id"));
    s.bind_all(tree_id);
    return read_messages(s);
}

void MessageStore::set_review(const std::string& message_id, int review_count,
                              std::optional<bool> review_result) {
    Statement(*statements_, "UPDATE messages SET review_count = ?, review_result = ? WHERE id = ?")
        .bind_all(review_count, review_result, message_id)
        .run();
}

void MessageStore::add_child(const std::string& parent_id) {
    Statement(*statements_, "UPDATE messages SET children_count = children_count + 1 WHERE id = ?")
        .bind_all(parent_id)
        .run();
}

void MessageStore::set_rank(const std::string& message_id, std::optional<int> rank) {
    Statement(*statements_, "UPDATE messages SET rank = ? WHERE id = ?")
        .bind_all(rank, message_id)
        .run();
}

void MessageStore::increment_ranking_count(const std::string& message_id) {
    Statement(*statements_, "UPDATE messages SET ranking_count = ranking_count + 1 WHERE id = ?")
        .bind_all(message_id)
        .run();
}

void MessageStore::increment_late_review_count(const std::string& message_id) {
    Statement(*statements_,
              "UPDATE messages SET late_review_count = late_review_count + 1 WHERE id = ?")
        .bind_all(message_id)
        .run();
}

void MessageStore::increment_late_ranking_count(const std::string& message_id) {
    Statement(*statements_,
              "UPDATE messages SET late_ranking_count = late_ranking_count + 1 WHERE id = ?")
        .bind_all(message_id)
        .run();
}

int MessageStore::count_accepted(const std::string& tree_id) {
    Statement s(*statements_, "SELECT count(*) FROM messages WHERE message_tree_id = ? AND "
                              "review_result = 1 AND deleted = 0");
    s.bind_all(tree_id);
    return count(s);
}

int MessageStore::count_under_review(const std::string& tree_id) {
    Statement s(*statements_, "SELECT count(*) FROM messages WHERE message_tree_id = ? AND "
                              "review_result IS NULL AND deleted = 0");
    s.bind_all(tree_id);
    return count(s);
}

bool MessageStore::user_wrote_text_since(const std::string& user_id, const std::string& text,
                                         std::int64_t since_ms) {
    Statement s(*statements_,
                "SELECT EXISTS (SELECT 1 FROM messages WHERE user_id = ? AND created_ms >= ? AND "
                "text = ?)");
    s.bind_all(user_id, since_ms, text);
    return count(s) != 0; // stops at the first match
}

bool MessageStore::user_replied_under(const std::string& user_id, const std::string& parent_id) {
    Statement s(*statements_,
                "SELECT EXISTS (SELECT 1 FROM messages WHERE parent_id = ? AND user_id = ? AND "
                "deleted = 0)");
    s.bind_all(parent_id, user_id);
    return count(s) != 0; // stops at the first match
}

void MessageStore::insert_tree(const TreeRecord& t) {
    Statement(*statements_,
              "INSERT INTO message_trees (id, state, lang, goal_tree_size, max_depth, "
              "max_children_count, active, origin, won_prompt_lottery_ms, created_ms, "
              "updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(t.id, t.state, t.lang, t.goal_tree_size, t.max_depth, t.max_children_count,
                  t.active, t.origin, t.won_prompt_lottery_ms, t.created_ms, t.created_ms)
        .run();
}

std::optional<TreeRecord> MessageStore::find_tree(const std::string& id) {
    return first_row(*statements_, sql("SELECT ", kTreeColumns, " FROM message_trees WHERE id = ?"),
                     read_tree, id);
}

void MessageStore::set_tree_state(const std::string& id, const std::string& state,
                                  std::int64_t now_ms) {
    Statement(*statements_, "UPDATE message_trees SET state = ?, updated_ms = ? WHERE id = ?")
        .bind_all(state, now_ms, id)
        .run();
}

void MessageStore::set_tree_lottery_won(const std::string& id, std::int64_t now_ms) {
    Statement(*statements_,
              "UPDATE message_trees SET won_prompt_lottery_ms = ?, updated_ms = ? WHERE id = ?")
        .bind_all(now_ms, now_ms, id)
        .run();
}

int MessageStore::count_trees(const std::string& state, const std::string& lang) {
    Statement s(*statements_, "SELECT count(*) FROM message_trees WHERE state = ? AND lang = ?");
    s.bind_all(state, lang);
    return count(s);
}

std::vector<MessageStore::LotteryEntry>
MessageStore::lottery_entries(const std::string& lang, std::int64_t since_ms, int limit) {
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

std::vector<std::string> MessageStore::languages_with_trees_in_state(const std::string& state) {
    Statement s(*statements_, "SELECT DISTINCT lang FROM message_trees WHERE state = ?");
    s.bind_all(state);
    return first_column_texts(s);
}

std::int64_t MessageStore::message_number(const std::string& message_id) {
    Statement s(*statements_, "SELECT seq FROM messages WHERE id = ?");
    s.bind_all(message_id);
    return s.step() ? s.column_int(0) : 0;
}

void MessageStore::set_deleted(const std::string& message_id, bool deleted) {
    Statement(*statements_, "UPDATE messages SET deleted = ? WHERE id = ?")
        .bind_all(deleted, message_id)
        .run();
}

void MessageStore::add_children_count(const std::string& parent_id, int delta) {
    Statement(*statements_,
              "UPDATE messages SET children_count = CASE WHEN children_count + ?1 < 0 THEN 0 "
              "ELSE children_count + ?1 END WHERE id = ?2")
        .bind_all(delta, parent_id)
        .run();
}

void MessageStore::update_text(const std::string& message_id, const std::string& text) {
    Statement(*statements_, "UPDATE messages SET text = ?, edited = 1 WHERE id = ?")
        .bind_all(text, message_id)
        .run();
}

void MessageStore::insert_revision(const std::string& id, const std::string& message_id,
                                   const std::string& text, const std::string& user_id,
                                   std::int64_t now_ms) {
    Statement(*statements_,
              "INSERT INTO message_revisions (id, message_id, text, user_id, created_ms) "
              "VALUES (?, ?, ?, ?, ?)")
        .bind_all(id, message_id, text, user_id, now_ms)
        .run();
}

std::vector<MessageStore::Revision> MessageStore::revisions(const std::string& message_id) {
    Statement s(*statements_, "SELECT id, text, user_id, created_ms FROM message_revisions WHERE "
                              "message_id = ? ORDER BY created_ms, id");
    s.bind_all(message_id);
    std::vector<Revision> list;
    while (s.step())
        list.push_back({s.column_text(0), s.column_text(1), s.column_text(2), s.column_int(3)});
    return list;
}

std::vector<MessageRecord> MessageStore::search_messages(const std::string& query, int limit,
                                                         std::optional<std::int64_t> before_ms) {
    Statement s(*statements_,
                sql("SELECT ", kMessageColumns,
                    dialect::postgres(*statements_)
                        ? " FROM messages WHERE text_search @@ phraseto_tsquery('simple', ?) "
                          "AND deleted = 0 AND created_ms < ? ORDER BY created_ms DESC, id DESC "
                          "LIMIT ?"
                        : " FROM messages WHERE seq IN (SELECT rowid FROM messages_fts WHERE "
                          "messages_fts MATCH ?) AND deleted = 0 AND created_ms < ? "
                          "ORDER BY created_ms DESC, id DESC LIMIT ?"));
    s.bind_all(dialect::postgres(*statements_) ? query : fts_phrase(query),
               before_ms.value_or(INT64_MAX), limit);
    return read_messages(s);
}

} // namespace orchard::store
