#include "server/store/review_store.h"

#include "server/store/dialect.h"
#include "server/store/statement.h"
#include "server/store/store_rows.h"

#include <nlohmann/json.hpp>

namespace orchard::store {

using namespace rows;

void ReviewStore::insert_labels(const std::string& id, const std::string& message_id,
                                const std::string& user_id,
                                const std::optional<std::string>& task_id,
                                const std::string& labels_json,
                                const std::optional<std::string>& text, bool is_report,
                                std::int64_t now_ms, bool arrived_late) {
    Statement(*statements_,
              "INSERT INTO text_labels (id, message_id, user_id, task_id, labels, text, "
              "is_report, created_ms, arrived_late, message_tree_id) VALUES (?1, ?2, ?3, ?4, ?5, "
              "?6, ?7, ?8, ?9, (SELECT message_tree_id FROM messages WHERE id = ?2))")
        .bind_all(id, message_id, user_id, task_id, labels_json, text, is_report, now_ms,
                  arrived_late)
        .run();
}

std::vector<ReviewRecord> ReviewStore::task_reviews(const std::string& message_id) {
    Statement s(*statements_,
                "SELECT " + dialect::json_number(*statements_, "labels", "'spam'") + ", " +
                    dialect::json_number(*statements_, "labels", "'lang_mismatch'") +
                    " FROM text_labels WHERE message_id = ? AND task_id IS NOT NULL AND "
                    "is_report = 0 AND arrived_late = 0"); // late ones decide nothing
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

bool ReviewStore::user_labeled(const std::string& message_id, const std::string& user_id) {
    Statement s(*statements_,
                "SELECT count(*) FROM text_labels WHERE message_id = ? AND user_id = ? AND "
                "task_id IS NOT NULL");
    s.bind_all(message_id, user_id);
    return count(s) > 0;
}

void ReviewStore::insert_ranking(const std::string& id, const std::string& parent_id,
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

std::vector<std::vector<std::string>> ReviewStore::rankings_of(const std::string& parent_id) {
    std::vector<std::vector<std::string>> rankings;
    for (auto& row : ranking_rows(parent_id))
        rankings.push_back(std::move(row.ranking));
    return rankings;
}

std::vector<RankingRow> ReviewStore::ranking_rows(const std::string& parent_id) {
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

int ReviewStore::count_rankings(const std::string& parent_id) {
    Statement s(*statements_, "SELECT count(*) FROM rankings WHERE parent_message_id = ? AND "
                              "arrived_late = 0");
    s.bind_all(parent_id);
    return count(s);
}

bool ReviewStore::user_ranked(const std::string& parent_id, const std::string& user_id) {
    Statement s(*statements_,
                "SELECT count(*) FROM rankings WHERE parent_message_id = ? AND user_id = ?");
    s.bind_all(parent_id, user_id);
    return count(s) > 0;
}

void ReviewStore::add_reaction(const std::string& message_id, const std::string& user_id,
                               const std::string& emoji, std::int64_t now_ms) {
    Statement(*statements_, "INSERT INTO message_reactions (message_id, user_id, emoji, "
                            "created_ms) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
        .bind_all(message_id, user_id, emoji, now_ms)
        .run();
}

bool ReviewStore::has_reaction(const std::string& message_id, const std::string& user_id,
                               const std::string& emoji) {
    Statement s(
        *statements_,
        "SELECT EXISTS (SELECT 1 FROM message_reactions WHERE message_id = ? AND user_id = ? "
        "AND emoji = ?)");
    s.bind_all(message_id, user_id, emoji);
    return count(s) != 0; // stops at the first match
}

int ReviewStore::count_reactions(const std::string& message_id, const std::string& emoji) {
    Statement s(*statements_,
                "SELECT count(*) FROM message_reactions WHERE message_id = ? AND emoji = ?");
    s.bind_all(message_id, emoji);
    return count(s);
}

void ReviewStore::remove_reaction(const std::string& message_id, const std::string& user_id,
                                  const std::string& emoji) {
    Statement(*statements_,
              "DELETE FROM message_reactions WHERE message_id = ? AND user_id = ? AND emoji = ?")
        .bind_all(message_id, user_id, emoji)
        .run();
}

std::vector<std::string> ReviewStore::user_emojis(const std::string& message_id,
                                                  const std::string& user_id) {
    Statement s(*statements_,
                "SELECT emoji FROM message_reactions WHERE message_id = ? AND user_id = ? "
                "AND substr(emoji, 1, 1) != '_' ORDER BY emoji");
    s.bind_all(message_id, user_id);
    return first_column_texts(s);
}

void ReviewStore::refresh_emoji_counts(const std::string& message_id) {
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

} // namespace orchard::store
