#include "server/store/dataset_store.h"

#include "server/store/statement.h"

#include <stdexcept>

namespace orchard::store {

std::vector<TreeCount> DatasetStore::tree_counts() {
    // One pass over messages by tree (messages_by_tree) and the trees' states: an admin's screen,
    // opened now and then, not a request every contributor makes.
    Statement s(statements_,
                "SELECT t.state, t.lang, count(DISTINCT t.id), count(m.id) FROM message_trees t "
                "LEFT JOIN messages m ON m.message_tree_id = t.id AND m.deleted = 0 "
                "GROUP BY t.state, t.lang ORDER BY t.state, t.lang");
    std::vector<TreeCount> counts;
    while (s.step())
        counts.push_back({s.column_text(0), s.column_text(1), static_cast<long>(s.column_int(2)),
                          static_cast<long>(s.column_int(3))});
    return counts;
}

std::string DatasetStore::download_link_key() {
    auto key =
        first_row(statements_, "SELECT value FROM server_meta WHERE key = 'download_link_key'",
                  [](const Statement& row) { return row.column_text(0); });
    if (!key) throw std::runtime_error("the database has no download link key (migration 10)");
    return *key;
}

} // namespace orchard::store
