// Reading whole trees for dataset export (`orchard export`, docs/datasets.md): the trees in id
// order and, per tree, its messages, labels, reactions and rankings. Run inside one read
// transaction (Database::read), so that an export is one consistent snapshot while a server goes
// on writing; one tree is in memory at a time.
#pragma once

#include "server/store/records.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace orchard::store {

class StatementCache;

// Rows come in a tree ordered by message, then oldest first, then by `id` (or user and emoji),
// so that averages are summed and events listed in the same order every time.
struct ExportLabelRow {
    std::string message_id;
    std::string user_id;
    std::string labels_json; // {"name": value}
    std::int64_t created_ms = 0;
    std::string id;
};

struct ExportReactionRow {
    std::string message_id;
    std::string user_id;
    std::string emoji;
    std::int64_t created_ms = 0;
};

struct ExportRankingRow {
    std::string parent_message_id;
    std::string user_id;
    std::string ranking_json; // message ids, best first
    bool not_rankable = false;
    std::optional<std::string> task_payload; // the task as sent: the replies in shown order
    std::int64_t created_ms = 0;
    std::string id;
};

// One tree with the rows an export builds it from.
struct ExportTreeRows {
    TreeRecord tree;
    std::vector<MessageRecord> messages; // by depth, then oldest first: parents first
    std::vector<ExportLabelRow> labels;
    std::vector<ExportReactionRow> reactions;
    std::vector<ExportRankingRow> rankings;
};

// The tables besides messages that a walk reads.
struct ExportTables {
    bool labels = false;
    bool reactions = false;
    bool rankings = false;
};

// Every tree whose state is in `states` and language in `langs` (empty: any), in id order, with
// its rows. Each table is read by one query ordered by tree id, and the queries advance in step
// one tree at a time (a merge join) instead of running a few statements per tree (bench_export:
// about 5% less time; the index searches into each table remain, one per tree and message).
// Prepared for this walk alone, inside the caller's read transaction, which other statements
// may use between two trees.
class ExportScan {
  public:
    ExportScan(StatementCache& statements, const std::vector<std::string>& states,
               const std::vector<std::string>& langs, ExportTables tables);
    ~ExportScan();
    ExportScan(const ExportScan&) = delete;
    ExportScan& operator=(const ExportScan&) = delete;

    // The next tree with its rows, in place of what `rows` held; false after the last tree.
    bool next(ExportTreeRows& rows);

  private:
    struct Cursors;
    std::unique_ptr<Cursors> cursors_;
};

class ExportStore {
  public:
    explicit ExportStore(StatementCache& statements) : statements_(&statements) {}

    std::optional<TreeRecord> find_tree(const std::string& tree_id);
    // Per tree, for the few trees of one user (`--user`); a whole export uses ExportScan.
    // In depth order, then creation order: a parent comes before its replies.
    std::vector<MessageRecord> tree_messages(const std::string& tree_id);
    std::vector<ExportLabelRow> tree_labels(const std::string& tree_id);
    std::vector<ExportReactionRow> tree_reactions(const std::string& tree_id);
    std::vector<ExportRankingRow> tree_rankings(const std::string& tree_id);
    // The ids of the trees that hold messages of this user, in id order.
    std::vector<std::string> trees_with_messages_of(const std::string& user_id);

  private:
    StatementCache* statements_;
};

} // namespace orchard::store
