// Every store the tree manager and the task lifecycle use, over one open transaction's
// connection: one object for the domain services to hold. Each part is the only SQL for what it
// stores (users and API clients, messages and trees, tasks, labels/rankings/reactions, the
// sampler's candidate queries, configuration); every query is served by an index
// (tests/unit/query_plan_test.cpp checks the plans).
#pragma once

#include "server/store/candidate_store.h"
#include "server/store/config_store.h"
#include "server/store/message_store.h"
#include "server/store/records.h"
#include "server/store/review_store.h"
#include "server/store/task_store.h"
#include "server/store/user_store.h"

#include <memory>
#include <sqlite3.h>

namespace orchard::store {

class StatementCache;

// The statement cache a TreeStore opened itself owns, set up before the stores that use it (a
// base class is initialised before the ones after it).
struct OwnedStatementCache {
    std::unique_ptr<StatementCache> owned;
    StatementCache& cache_or_owned(StatementCache* borrowed) {
        return borrowed ? *borrowed : *owned;
    }
};

class TreeStore : private OwnedStatementCache,
                  public UserStore,
                  public MessageStore,
                  public TaskStore,
                  public ReviewStore,
                  public CandidateStore,
                  public ConfigStore {
  public:
    // Over a connection's statement cache (requests), or over a bare connection with a cache of
    // its own that lives as long as this store (tools and tests).
    explicit TreeStore(StatementCache& statements);
    explicit TreeStore(sqlite3* db);
    ~TreeStore();
    TreeStore(const TreeStore&) = delete;
    TreeStore& operator=(const TreeStore&) = delete;
    // The connection's statements, for the other stores of the same request (AccountStore).
    StatementCache& statements() const { return *statements_; }

  private:
    TreeStore(std::unique_ptr<StatementCache> owned, StatementCache* borrowed);
    StatementCache* statements_;
};

} // namespace orchard::store
