// Reading whole trees for dataset export (`orchard export`, docs/datasets.md): the trees in id
// order and, per tree, its messages, labels, reactions and rankings. Run inside one read
// transaction (Database::read), so that an export is one consistent snapshot while a server goes
// on writing; one tree is in memory at a time.
#pragma once

#include "server/store/records.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace orchard::store {

class StatementCache;

struct ExportLabelRow {
    std::string message_id;
    std::string user_id;
    std::string labels_json; // {"name": value}
};

struct ExportReactionRow {
    std::string message_id;
    std::string user_id;
    std::string emoji;
};

struct ExportRankingRow {
    std::string parent_message_id;
    std::string user_id;
    std::string ranking_json; // message ids, best first
    bool not_rankable = false;
    std::optional<std::string> task_payload; // the task as sent: the replies in shown order
};

class ExportStore {
  public:
    explicit ExportStore(StatementCache& statements) : statements_(&statements) {}

    // Every tree in id order whose state is in `states` and language in `langs` (empty: any).
    void for_each_tree(const std::vector<std::string>& states,
                       const std::vector<std::string>& langs,
                       const std::function<void(const TreeRecord&)>& visit);
    std::optional<TreeRecord> find_tree(const std::string& tree_id);
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
