#include "server/store/explorer_store.h"

#include "server/store/dialect.h"
#include "server/store/statement.h"
#include "server/store/store_rows.h"

#include <cstdint>

namespace orchard::store {

using namespace rows;

std::vector<TreeCardRow>
ExplorerStore::recent_trees(const std::string& lang, int limit,
                            const std::optional<std::pair<std::int64_t, std::string>>& before) {
    // Served by message_trees_by_lang (one language) or message_trees_by_time (every language),
    // read in index order without sorting; the prompt and the count are one lookup each per tree
    // on the page.
    const std::int64_t before_ms = before ? before->first : INT64_MAX;
    const std::string before_id = before ? before->second : "";
    const char* const after_cursor =
        " (created_ms < ?1 OR (created_ms = ?1 AND ?2 <> '' AND id < ?2)) "
        "ORDER BY created_ms DESC, id DESC LIMIT ?3";
    Statement trees(
        statements_,
        lang.empty()
            ? sql("SELECT ", kTreeColumns,
                  (std::string(" FROM message_trees WHERE") + after_cursor).c_str())
            : sql("SELECT ", kTreeColumns,
                  (std::string(" FROM message_trees WHERE lang = ?4 AND") + after_cursor).c_str()));
    std::vector<TreeRecord> found;
    // Read a few more than asked: trees whose prompt was deleted are left out below.
    trees.bind_all(before_ms, before_id, limit * 2 + 4);
    if (!lang.empty()) trees.bind(4, lang);
    while (trees.step())
        found.push_back(read_tree(trees));
    std::vector<TreeCardRow> cards;
    for (auto& tree : found) {
        if (static_cast<int>(cards.size()) == limit) break;
        auto prompt =
            first_row(statements_, sql("SELECT ", kMessageColumns, " FROM messages WHERE id = ?"),
                      read_message, tree.id);
        if (!prompt || prompt->deleted) continue;
        Statement count(statements_, "SELECT count(*) FROM messages WHERE message_tree_id = ? AND "
                                     "deleted = 0");
        count.bind_all(tree.id);
        const int messages = rows::count(count);
        cards.push_back({std::move(tree), std::move(*prompt), messages});
    }
    return cards;
}

std::vector<SearchRow> ExplorerStore::search(const std::string& words, const std::string& lang,
                                             int limit, std::optional<std::int64_t> before_seq) {
    // FTS5 hands out its matches in rowid order, newest written first when descending: the page
    // is the first `limit` of them that are live, without sorting every match (a common word
    // matches most of a million messages).
    // PostgreSQL finds the phrase through the index of messages.text_search and marks its words
    // with the same characters.
    Statement hits(
        statements_,
        dialect::postgres(statements_)
            ? "SELECT seq, ts_headline('simple', text, q, 'HighlightAll=true, StartSel=' "
              "|| chr(1) || ', StopSel=' || chr(2)) FROM messages, "
              "phraseto_tsquery('simple', ?1) q WHERE text_search @@ q AND seq < ?2 "
              "AND deleted = 0 AND (?3 = '' OR lang = ?3) ORDER BY seq DESC LIMIT ?4"
            : "SELECT messages_fts.rowid, highlight(messages_fts, 0, char(1), char(2)) "
              "FROM messages_fts JOIN messages ON messages.seq = messages_fts.rowid "
              "WHERE messages_fts MATCH ?1 AND messages_fts.rowid < ?2 "
              "AND messages.deleted = 0 AND (?3 = '' OR messages.lang = ?3) "
              "ORDER BY messages_fts.rowid DESC LIMIT ?4");
    hits.bind_all(dialect::postgres(statements_) ? words : fts_phrase(words),
                  before_seq.value_or(INT64_MAX), lang, limit);
    std::vector<SearchRow> found;
    while (hits.step())
        found.push_back({hits.column_int(0), {}, hits.column_text(1)});
    for (auto& row : found)
        if (auto message = first_row(
                statements_, sql("SELECT ", kMessageColumns, " FROM messages WHERE seq = ?"),
                read_message, row.seq))
            row.message = std::move(*message);
    return found;
}

std::map<std::string, LabelMean> ExplorerStore::label_means(const std::string& message_id) {
    Statement s(statements_,
                dialect::postgres(statements_)
                    ? "SELECT answer.key, avg(answer.value::float8), count(*) FROM text_labels, "
                      "jsonb_each(text_labels.labels::jsonb) AS answer WHERE "
                      "text_labels.message_id = ? AND jsonb_typeof(answer.value) = 'number' "
                      "GROUP BY answer.key ORDER BY answer.key"
                    : "SELECT answer.key, avg(answer.value), count(*) FROM text_labels, "
                      "json_each(text_labels.labels) AS answer WHERE text_labels.message_id = ? "
                      "AND answer.type IN ('integer', 'real') "
                      "GROUP BY answer.key ORDER BY answer.key");
    s.bind_all(message_id);
    std::map<std::string, LabelMean> means;
    while (s.step())
        means[s.column_text(0)] = {s.column_double(1), static_cast<int>(s.column_int(2))};
    return means;
}

std::optional<std::string> ExplorerStore::display_name(const std::string& user_id) {
    return first_row(
        statements_, "SELECT display_name FROM users WHERE id = ?",
        [](const Statement& row) { return row.column_text(0); }, user_id);
}

} // namespace orchard::store
