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

// Which trees a walk reads: states and languages (empty: any) and, when `user_id` is set, only
// the trees that hold that user's messages (`--user`).
struct ExportTreeFilter {
    std::vector<std::string> states;
    std::vector<std::string> langs;
    std::string user_id;
};

// Every tree the filter keeps, in id order, with its rows. Each table is read by one query ordered
// by tree id, and the queries advance in step one tree at a time (a merge join) instead of running
// a few statements per tree; labels come from text_labels_by_tree, read in its order (migration
// 11). Prepared for this walk alone, inside the caller's read transaction, which other statements
// may use between two trees.
class ExportScan {
  public:
    ExportScan(StatementCache& statements, ExportTreeFilter filter, ExportTables tables);
    ~ExportScan();
    ExportScan(const ExportScan&) = delete;
    ExportScan& operator=(const ExportScan&) = delete;

    // The next tree with its rows, in place of what `rows` held; false after the last tree.
    bool next(ExportTreeRows& rows);

  private:
    struct Cursors;
    std::unique_ptr<Cursors> cursors_;
};

} // namespace orchard::store
