// The rate_limits table: each budget's time (domain/rate_limiter.h), for the servers that share
// one database (domain/shared_rate_limiter.h). The only SQL for it.
#pragma once

#include "server/store/statement.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace orchard::store {

class RateLimitStore {
  public:
    explicit RateLimitStore(StatementCache& statements) : statements_(statements) {}

    // Each budget's time, its row locked until the transaction ends (made if missing: a budget
    // never seen has no time). Locked in the order given: callers sort the budgets, so that two
    // transactions never wait for each other.
    std::vector<std::optional<std::int64_t>> lock(const std::vector<std::string>& budgets);
    void save(const std::vector<std::string>& budgets, const std::vector<std::int64_t>& times);
    // Forgets the budgets whose allowance is whole again by `now_ms`.
    void forget_before(std::int64_t now_ms);

  private:
    StatementCache& statements_;
};

} // namespace orchard::store
