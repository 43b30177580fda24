#include "server/domain/shared_rate_limiter.h"

#include "server/store/rate_limit_store.h"

#include <algorithm>

namespace orchard::domain {

namespace {

// About one take in this many also forgets the budgets that are whole again.
constexpr std::int64_t kPruneEvery = 1000;

} // namespace

std::optional<std::int64_t> SharedRateLimiter::take(const std::vector<RateLimit>& limits,
                                                    std::int64_t now_ms) {
    // In one order on every server, so that two takes never wait for each other.
    std::vector<RateLimit> sorted = limits;
    std::sort(sorted.begin(), sorted.end(),
              [](const RateLimit& a, const RateLimit& b) { return a.key < b.key; });
    std::vector<std::string> budgets;
    for (const auto& limit : sorted)
        budgets.push_back(rule_ + " " + limit.key);

    std::optional<std::int64_t> refused;
    database_.write_counters([&](store::StatementCache& statements) {
        store::RateLimitStore store(statements);
        const RateDecision decision = decide_rate(sorted, store.lock(budgets), now_ms);
        refused.reset();
        if (decision.wait_ms > 0) {
            refused = decision.wait_ms;
            return;
        }
        store.save(budgets, decision.used_until);
        if (now_ms % kPruneEvery == 0) store.forget_before(now_ms);
    });
    return refused;
}

} // namespace orchard::domain
