#include "server/store/activity_store.h"

#include "server/store/dialect.h"
#include "server/store/statement.h"

namespace orchard::store {

std::vector<ContributionRow>
ActivityStore::contributions(const std::string& user_id,
                             const std::optional<std::pair<std::int64_t, std::int64_t>>& before,
                             int limit) {
    Statement s(statements_,
                "SELECT m.seq, m.id, m.message_tree_id, m.parent_id, m.role, m.text, m.created_ms, "
                "m.review_count, m.review_result, m.rank, m.ranking_count, "
                "(SELECT count(*) FROM messages c WHERE c.parent_id = m.id AND c.deleted = 0), "
                "(SELECT count(*) FROM messages c WHERE c.parent_id = m.id AND c.deleted = 0 AND "
                "c.user_id <> m.user_id), coalesce(t.state, ''), m.emojis, m.deleted "
                "FROM messages m LEFT JOIN message_trees t ON t.id = m.message_tree_id "
                "WHERE m.user_id = ? AND (m.created_ms, m.seq) < (?, ?) "
                "ORDER BY m.created_ms DESC, m.seq DESC LIMIT ?");
    const auto end = before.value_or(std::pair{INT64_MAX, INT64_MAX});
    s.bind_all(user_id, end.first, end.second, limit);
    std::vector<ContributionRow> rows;
    while (s.step()) {
        ContributionRow r;
        r.seq = s.column_int(0);
        r.message_id = s.column_text(1);
        r.tree_id = s.column_text(2);
        r.parent_id = s.column_optional_text(3);
        r.role = s.column_text(4);
        r.text = s.column_text(5);
        r.created_ms = s.column_int(6);
        r.review_count = static_cast<int>(s.column_int(7));
        if (auto result = s.column_optional_int(8)) r.review_result = *result != 0;
        if (auto rank = s.column_optional_int(9)) r.rank = static_cast<int>(*rank);
        r.ranking_count = static_cast<int>(s.column_int(10));
        r.replies = static_cast<int>(s.column_int(11));
        r.replies_by_others = static_cast<int>(s.column_int(12));
        r.tree_state = s.column_text(13);
        r.emojis_json = s.column_text(14);
        r.deleted = s.column_int(15) != 0;
        rows.push_back(std::move(r));
    }
    return rows;
}

std::vector<TrollCounts> ActivityStore::troll_counts(std::int64_t since_ms,
                                                     const std::vector<std::string>& flag_labels) {
    std::map<std::string, TrollCounts> by_user;
    {
        Statement s(statements_,
                    "SELECT m.user_id, r.emoji, count(*) FROM message_reactions r JOIN messages m "
                    "ON m.id = r.message_id WHERE r.created_ms > ? AND r.emoji IN ('red_flag', "
                    "'+1', '-1') GROUP BY m.user_id, r.emoji");
        s.bind_all(since_ms);
        while (s.step()) {
            auto& counts = by_user[s.column_text(0)];
            const std::string emoji = s.column_text(1);
            (emoji == "red_flag" ? counts.red_flags
             : emoji == "+1"     ? counts.upvotes
                                 : counts.downvotes) += s.column_int(2);
        }
    }
    {
        // Rejected prompts (the original's "spam prompts") are the roots of the trees that
        // review ended: found through the trees' state index, not by reading every message.
        Statement s(statements_,
                    "SELECT m.user_id, count(*) FROM message_trees t JOIN messages m ON m.id = "
                    "t.id WHERE t.state = 'aborted_low_grade' AND t.created_ms > ? GROUP BY "
                    "m.user_id");
        s.bind_all(since_ms);
        while (s.step())
            by_user[s.column_text(0)].spam_prompts += s.column_int(1);
    }
    for (const auto& label : flag_labels) {
        Statement s(statements_,
                    "SELECT m.user_id, count(*) FROM text_labels l JOIN messages m ON m.id = "
                    "l.message_id WHERE l.created_ms > ? AND " +
                        dialect::json_number(statements_, "l.labels", "?") +
                        " >= 0.5 GROUP BY m.user_id");
        s.bind_all(since_ms, label);
        while (s.step())
            by_user[s.column_text(0)].flags[label] += s.column_int(1);
    }
    std::vector<TrollCounts> result;
    for (auto& [user_id, counts] : by_user) {
        counts.user_id = user_id;
        result.push_back(std::move(counts));
    }
    return result;
}

SystemCounts ActivityStore::system_counts() {
    SystemCounts counts;
    Statement s(statements_, "SELECT lang, deleted, count(*) FROM messages GROUP BY lang, deleted");
    while (s.step()) {
        const std::int64_t n = s.column_int(2);
        counts.all += n;
        if (s.column_int(1) != 0)
            counts.deleted += n;
        else
            counts.active_by_lang[s.column_text(0)] += n;
    }
    Statement trees(statements_, "SELECT count(*) FROM message_trees");
    if (trees.step()) counts.message_trees = trees.column_int(0);
    return counts;
}

} // namespace orchard::store
