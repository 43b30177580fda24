// Rate limits that every server of one database counts against (several servers behind a load
// balancer on PostgreSQL, docs/scaling.md): rate_limiter.h's algorithm, with each budget's time
// in the database (store/rate_limit_store.h) instead of one server's memory. Each take is a short
// transaction of its own (Database::write_counters): a request refused or failing later still
// counted, as in memory, and no request's transaction holds a hot budget's row.
#pragma once

#include "server/domain/rate_limiter.h"
#include "server/store/database.h"

#include <string>

namespace orchard::domain {

class SharedRateLimiter : public RateLimiter {
  public:
    // `rule`: the rule's name, so that two rules' budgets under one key stay apart.
    SharedRateLimiter(store::Database& database, std::string rule)
        : database_(database), rule_(std::move(rule)) {}

    std::optional<std::int64_t> take(const std::vector<RateLimit>& limits,
                                     std::int64_t now_ms) override;

  private:
    store::Database& database_;
    std::string rule_;
};

} // namespace orchard::domain
