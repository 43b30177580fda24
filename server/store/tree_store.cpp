#include "server/store/tree_store.h"

#include "server/store/sqlite.h"

namespace orchard::store {

TreeStore::TreeStore(std::unique_ptr<StatementCache> own, StatementCache* borrowed)
    : OwnedStatementCache{std::move(own)}, UserStore(cache_or_owned(borrowed)),
      MessageStore(cache_or_owned(borrowed)), TaskStore(cache_or_owned(borrowed)),
      ReviewStore(cache_or_owned(borrowed)), CandidateStore(cache_or_owned(borrowed)),
      ConfigStore(cache_or_owned(borrowed)), statements_(&cache_or_owned(borrowed)) {}

TreeStore::TreeStore(StatementCache& statements) : TreeStore(nullptr, &statements) {}

TreeStore::TreeStore(sqlite3* db) : TreeStore(std::make_unique<StatementCache>(db), nullptr) {}

TreeStore::~TreeStore() = default;

} // namespace orchard::store
