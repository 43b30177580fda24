// What the tree manager has in hand, for moderators (docs/moderation.md): the active trees with
// their sizes and the languages being worked on. (Trees by state and language are
// dataset_store.h's.)
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace orchard::store {

class StatementCache;

struct ActiveTree {
    std::string id;
    std::string lang;
    std::string state;
    int goal_tree_size = 0;
    std::int64_t messages = 0; // in the tree (not deleted or hidden)
    std::int64_t created_ms = 0;
};

class TreeStatusStore {
  public:
    explicit TreeStatusStore(StatementCache& statements) : statements_(statements) {}

    // The active trees, oldest first, at most `limit`.
    std::vector<ActiveTree> active_trees(int limit);
    // The languages of trees that are still being worked on, most trees first.
    std::vector<std::string> working_languages(int limit);

  private:
    StatementCache& statements_;
};

} // namespace orchard::store
