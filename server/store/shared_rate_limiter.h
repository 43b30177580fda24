// Rate limits that every server of one database counts against (several servers behind a load
// balancer on PostgreSQL, docs/scaling.md): domain/rate_limiter.h's algorithm, with each budget's
// time in the rate_limits table instead of one server's memory. Each take is a short transaction
// of its own (Database::write_counters): a request refused or failing later still counted, as in
// memory, and no request's transaction waits on a hot budget's row for longer than that.
#pragma once

#include "server/domain/rate_limiter.h"
#include "server/store/database.h"

#include <string>

namespace orchard::store {

class SharedRateLimiter : public domain::RateLimiter {
  public:
    // `rule`: the rule's name, so that two rules' budgets under one key stay apart.
    SharedRateLimiter(Database& database, std::string rule)
        : database_(database), rule_(std::move(rule)) {}

    std::optional<std::int64_t> take(const std::vector<domain::RateLimit>& limits,
                                     std::int64_t now_ms) override;

  private:
    Database& database_;
    std::string rule_;
};

} // namespace orchard::store
