#include "server/store/store_rows.h"

#include "server/store/statement.h"

namespace orchard::store::rows {

const char* const kMessageColumns =
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

const char* const kTreeColumns =
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

const char* const kTaskColumns =
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
    u.disabled_reason = row.column_optional_text(7);
    return u;
}

int count(Statement& statement) {
    statement.step();
    return static_cast<int>(statement.column_int(0));
}

std::string sql(const char* before, const char* columns, const char* after) {
    return std::string(before) + columns + after;
}

std::string fts_phrase(const std::string& words) {
    std::string phrase = "\"";
    for (char c : words)
        phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
    return phrase + "\"";
}

} // namespace orchard::store::rows
