#include "server/store/export_store.h"

#include "server/store/sqlite.h"
#include "server/store/store_rows.h"

namespace orchard::store {

using namespace rows;

namespace {

// "?, ?, ?" for n values.
std::string placeholders(std::size_t n) {
    std::string text;
    for (std::size_t i = 0; i < n; ++i)
        text += i == 0 ? "?" : ", ?";
    return text;
}

} // namespace

void ExportStore::for_each_tree(const std::vector<std::string>& states,
                                const std::vector<std::string>& langs,
                                const std::function<void(const TreeRecord&)>& visit) {
    std::string where = " WHERE 1";
    if (!states.empty()) where += " AND state IN (" + placeholders(states.size()) + ")";
    if (!langs.empty()) where += " AND lang IN (" + placeholders(langs.size()) + ")";
    // Prepared for this walk alone: the visitor runs other queries while its rows are read.
    Statement s(statements_->db(), sql("SELECT ", kTreeColumns,
                                       (" FROM message_trees" + where + " ORDER BY id").c_str()));
    int index = 0;
    for (const auto& state : states)
        s.bind(++index, state);
    for (const auto& lang : langs)
        s.bind(++index, lang);
    while (s.step())
        visit(read_tree(s));
}

std::optional<TreeRecord> ExportStore::find_tree(const std::string& tree_id) {
    return first_row(*statements_, sql("SELECT ", kTreeColumns, " FROM message_trees WHERE id = ?"),
                     read_tree, tree_id);
}

std::vector<MessageRecord> ExportStore::tree_messages(const std::string& tree_id) {
    Statement s(*statements_,
                sql("SELECT ", kMessageColumns,
                    " FROM messages WHERE message_tree_id = ? ORDER BY depth, created_ms, id"));
    s.bind_all(tree_id);
    return read_messages(s);
}

std::vector<ExportLabelRow> ExportStore::tree_labels(const std::string& tree_id) {
    Statement s(*statements_, "SELECT l.message_id, l.user_id, l.labels FROM text_labels l "
                              "JOIN messages m ON m.id = l.message_id WHERE m.message_tree_id = ? "
                              "ORDER BY l.message_id, l.created_ms, l.id");
    s.bind_all(tree_id);
    std::vector<ExportLabelRow> labels;
    while (s.step())
        labels.push_back({s.column_text(0), s.column_text(1), s.column_text(2)});
    return labels;
}

std::vector<ExportReactionRow> ExportStore::tree_reactions(const std::string& tree_id) {
    Statement s(*statements_, "SELECT r.message_id, r.user_id, r.emoji FROM message_reactions r "
                              "JOIN messages m ON m.id = r.message_id WHERE m.message_tree_id = ? "
                              "ORDER BY r.message_id, r.created_ms, r.user_id, r.emoji");
    s.bind_all(tree_id);
    std::vector<ExportReactionRow> reactions;
    while (s.step())
        reactions.push_back({s.column_text(0), s.column_text(1), s.column_text(2)});
    return reactions;
}

std::vector<ExportRankingRow> ExportStore::tree_rankings(const std::string& tree_id) {
    Statement s(*statements_,
                "SELECT r.parent_message_id, r.user_id, r.ranking, r.not_rankable, t.payload "
                "FROM rankings r JOIN messages m ON m.id = r.parent_message_id "
                "LEFT JOIN task_payloads t ON t.task_id = r.task_id WHERE m.message_tree_id = ? "
                "ORDER BY r.parent_message_id, r.created_ms, r.id");
    s.bind_all(tree_id);
    std::vector<ExportRankingRow> rankings;
    while (s.step())
        rankings.push_back({s.column_text(0), s.column_text(1), s.column_text(2),
                            s.column_int(3) != 0, s.column_optional_text(4)});
    return rankings;
}

std::vector<std::string> ExportStore::trees_with_messages_of(const std::string& user_id) {
    Statement s(*statements_, "SELECT DISTINCT message_tree_id FROM messages WHERE user_id = ? "
                              "ORDER BY message_tree_id");
    s.bind_all(user_id);
    return first_column_texts(s);
}

} // namespace orchard::store
