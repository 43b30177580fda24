// What `orchard import` asks before writing (server/export/importer.h): which trees, messages and
// users exist. The writes go through TreeStore like every other.
#pragma once

#include <cstdint>
#include <string>

namespace orchard::store {

class StatementCache;

class ImportStore {
  public:
    explicit ImportStore(StatementCache& statements) : statements_(&statements) {}

    bool has_tree(const std::string& id);
    bool has_message(const std::string& id);
    // A user the file names, created on first sight: no frontend, no sign-in ("import" method).
    void ensure_user(const std::string& id, std::int64_t now_ms);

  private:
    StatementCache* statements_;
};

} // namespace orchard::store
