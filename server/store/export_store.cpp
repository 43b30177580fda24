#include "server/store/export_store.h"

#include "server/store/statement.h"
#include "server/store/store_rows.h"

#include <algorithm>
#include <tuple>

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

// `columns` (a list such as kMessageColumns) with each name qualified: "m.id, m.text".
std::string qualified(std::string_view table, std::string_view columns) {
    std::string text;
    while (!columns.empty()) {
        const auto comma = columns.find(',');
        auto name = columns.substr(0, comma);
        while (name.starts_with(' '))
            name.remove_prefix(1);
        if (!text.empty()) text += ", ";
        text.append(table).append(".").append(name);
        columns = comma == std::string_view::npos ? std::string_view() : columns.substr(comma + 1);
    }
    return text;
}

// The trees a walk reads, as a condition on `t` (message_trees) that every query of the walk
// shares, so that they all see the same trees. The unary + keeps SQLite off message_trees_by_state:
// read through the primary key, the trees come in id order without first sorting them all.
std::string where(const ExportTreeFilter& filter) {
    std::string text = " WHERE TRUE";
    if (!filter.states.empty())
        text += " AND +t.state IN (" + placeholders(filter.states.size()) + ")";
    if (!filter.langs.empty())
        text += " AND +t.lang IN (" + placeholders(filter.langs.size()) + ")";
    if (!filter.user_id.empty())
        text += " AND t.id IN (SELECT message_tree_id FROM messages WHERE user_id = ?)";
    return text + " ORDER BY t.id";
}

void bind(const ExportTreeFilter& filter, Statement& s) {
    int index = 0;
    for (const auto& state : filter.states)
        s.bind(++index, state);
    for (const auto& lang : filter.langs)
        s.bind(++index, lang);
    if (!filter.user_id.empty()) s.bind(++index, filter.user_id);
}

// The messages of the filtered trees, joined in tree id order (an index search per tree).
constexpr const char* kTreeMessages =
    " FROM message_trees t CROSS JOIN messages m ON m.message_tree_id = t.id";

// The rows of one query in tree id order, handed out one tree at a time.
template <typename Row> class Cursor {
  public:
    // Fills a row from the statement's current one, reusing the row's strings where it can.
    using Read = void (*)(const Statement&, Row&);

    // `sql` selects the tree id in column `tree_column`; `read` makes a row of the others.
    Cursor(StatementCache& statements, const std::string& sql, const ExportTreeFilter& filter,
           int tree_column, Read read)
        : statement_(statements, sql, Statement::Once::yes), tree_column_(tree_column),
          read_(read) {
        bind(filter, statement_);
        advance();
    }

    // The rows of `tree_id` in place of what `rows` held; rows of trees before it (none, as
    // every query of a walk reads the same trees in the same snapshot) are passed over. The rows
    // are filled in place rather than made anew: the strings of millions of label rows kept
    // their allocations from tree to tree (bench_export, perf).
    void take(const std::string& tree_id, std::vector<Row>& rows) {
        while (has_row_ && tree_ < tree_id)
            advance();
        std::size_t count = 0;
        while (has_row_ && tree_ == tree_id) {
            if (count == rows.size()) rows.emplace_back();
            read_(statement_, rows[count++]);
            advance();
        }
        rows.resize(count);
    }

  private:
    void advance() {
        has_row_ = statement_.step();
        if (has_row_) tree_.assign(statement_.column_view(tree_column_));
    }

    Statement statement_;
    int tree_column_;
    Read read_;
    bool has_row_ = false;
    std::string tree_; // the tree of the row the statement is on
};

void read_message_row(const Statement& s, MessageRecord& row) {
    row = read_message(s);
}

void read_label(const Statement& s, ExportLabelRow& row) {
    row.message_id.assign(s.column_view(1));
    row.user_id.assign(s.column_view(2));
    row.labels_json.assign(s.column_view(3));
    row.created_ms = s.column_int(4);
    row.id.assign(s.column_view(5));
}

void read_reaction(const Statement& s, ExportReactionRow& row) {
    row = {s.column_text(1), s.column_text(2), s.column_text(3), s.column_int(4)};
}

void read_ranking(const Statement& s, ExportRankingRow& row) {
    row = {s.column_text(1),          s.column_text(2), s.column_text(3), s.column_int(4) != 0,
           s.column_optional_text(5), s.column_int(6),  s.column_text(7)};
}

// Sorted by `before` unless it is already, as the rows mostly are (labels always: they come in
// their index's order): checking is one comparison per row.
template <typename Row, typename Before> void sort_rows(std::vector<Row>& rows, Before before) {
    if (!std::is_sorted(rows.begin(), rows.end(), before))
        std::sort(rows.begin(), rows.end(), before);
}

// The orders of the per-tree queries before (ORDER BY depth, created_ms, id and so on), kept
// inside each tree so that the same database gives the same bytes.
void sort_tree_rows(ExportTreeRows& rows) {
    sort_rows(rows.messages, [](const auto& a, const auto& b) {
        return std::tie(a.depth, a.created_ms, a.id) < std::tie(b.depth, b.created_ms, b.id);
    });
    sort_rows(rows.labels, [](const auto& a, const auto& b) {
        return std::tie(a.message_id, a.created_ms, a.id) <
               std::tie(b.message_id, b.created_ms, b.id);
    });
    sort_rows(rows.reactions, [](const auto& a, const auto& b) {
        return std::tie(a.message_id, a.created_ms, a.user_id, a.emoji) <
               std::tie(b.message_id, b.created_ms, b.user_id, b.emoji);
    });
    sort_rows(rows.rankings, [](const auto& a, const auto& b) {
        return std::tie(a.parent_message_id, a.created_ms, a.id) <
               std::tie(b.parent_message_id, b.created_ms, b.id);
    });
}

} // namespace

struct ExportScan::Cursors {
    Cursors(StatementCache& statements, ExportTreeFilter tree_filter)
        : filter(std::move(tree_filter)),
          trees(statements,
                sql("SELECT ", kTreeColumns, (" FROM message_trees t" + where(filter)).c_str()),
                Statement::Once::yes),
          messages(statements,
                   "SELECT " + qualified("m", kMessageColumns) + kTreeMessages + where(filter),
                   filter, 1, read_message_row) {
        bind(filter, trees);
    }

    ExportTreeFilter filter;
    Statement trees;
    Cursor<MessageRecord> messages;
    std::optional<Cursor<ExportLabelRow>> labels;
    std::optional<Cursor<ExportReactionRow>> reactions;
    std::optional<Cursor<ExportRankingRow>> rankings;
};

ExportScan::ExportScan(StatementCache& statements, ExportTreeFilter kept, ExportTables tables)
    : cursors_(std::make_unique<Cursors>(statements, std::move(kept))) {
    const auto& filter = cursors_->filter;
    if (tables.labels)
        cursors_->labels.emplace(
            statements,
            // All from text_labels_by_tree, read in its order (migration 11).
            std::string("SELECT t.id, l.message_id, l.user_id, l.labels, l.created_ms, l.id "
                        "FROM message_trees t CROSS JOIN text_labels l "
                        "ON l.message_tree_id = t.id") +
                where(filter),
            filter, 0, read_label);
    if (tables.reactions)
        cursors_->reactions.emplace(
            statements,
            std::string("SELECT t.id, r.message_id, r.user_id, r.emoji, r.created_ms") +
                kTreeMessages + " CROSS JOIN message_reactions r ON r.message_id = m.id" +
                where(filter),
            filter, 0, read_reaction);
    if (tables.rankings)
        cursors_->rankings.emplace(
            statements,
            std::string("SELECT t.id, r.parent_message_id, r.user_id, r.ranking, r.not_rankable, "
                        "p.payload, r.created_ms, r.id") +
                kTreeMessages +
                " CROSS JOIN rankings r ON r.parent_message_id = m.id"
                " LEFT JOIN task_payloads p ON p.task_id = r.task_id" +
                where(filter),
            filter, 0, read_ranking);
}

ExportScan::~ExportScan() = default;

bool ExportScan::next(ExportTreeRows& rows) {
    auto& c = *cursors_;
    if (!c.trees.step()) return false;
    rows.tree = read_tree(c.trees);
    c.messages.take(rows.tree.id, rows.messages);
    // A table not read is empty.
    if (c.labels)
        c.labels->take(rows.tree.id, rows.labels);
    else
        rows.labels.clear();
    if (c.reactions)
        c.reactions->take(rows.tree.id, rows.reactions);
    else
        rows.reactions.clear();
    if (c.rankings)
        c.rankings->take(rows.tree.id, rows.rankings);
    else
        rows.rankings.clear();
    sort_tree_rows(rows);
    return true;
}

} // namespace orchard::store
