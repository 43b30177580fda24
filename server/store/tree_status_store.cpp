#include "server/store/tree_status_store.h"

#include "server/store/statement.h"

namespace orchard::store {

std::vector<ActiveTree> TreeStatusStore::active_trees(int limit) {
    Statement s(statements_, "SELECT t.id, t.lang, t.state, t.goal_tree_size, "
                             "(SELECT count(*) FROM messages m WHERE m.message_tree_id = t.id AND "
                             "m.deleted = 0), t.created_ms FROM message_trees t WHERE t.active = 1 "
                             "ORDER BY t.created_ms, t.id LIMIT ?");
    s.bind_all(limit);
    std::vector<ActiveTree> trees;
    while (s.step())
        trees.push_back({s.column_text(0), s.column_text(1), s.column_text(2),
                         static_cast<int>(s.column_int(3)), s.column_int(4), s.column_int(5)});
    return trees;
}

std::vector<std::string> TreeStatusStore::working_languages(int limit) {
    Statement s(statements_, "SELECT lang FROM message_trees WHERE active = 1 GROUP BY lang "
                             "ORDER BY count(*) DESC, lang LIMIT ?");
    s.bind_all(limit);
    std::vector<std::string> langs;
    while (s.step())
        langs.push_back(s.column_text(0));
    return langs;
}

} // namespace orchard::store
