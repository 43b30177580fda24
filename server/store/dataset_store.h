// What the admins' "Datasets" screen counts, and the key download links are signed with
// (docs/datasets.md). Reads only.
#pragma once

#include <string>
#include <vector>

namespace orchard::store {

class StatementCache;

struct TreeCount {
    std::string state;
    std::string lang;
    long trees = 0;
    long messages = 0; // not deleted
};

class DatasetStore {
  public:
    explicit DatasetStore(StatementCache& statements) : statements_(statements) {}

    // Trees and their live messages by state and language, in that order.
    std::vector<TreeCount> tree_counts();
    // 64 hex digits, made by migration 10.
    std::string download_link_key();

  private:
    StatementCache& statements_;
};

} // namespace orchard::store
