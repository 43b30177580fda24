#include "server/domain/rate_limiter.h"

#include <algorithm>

namespace orchard::domain {

namespace {

// Keys whose allowance is whole again are forgotten once the map is this large.
constexpr size_t kPruneAbove = 100000;

} // namespace

RateDecision decide_rate(const std::vector<RateLimit>& limits,
                         const std::vector<std::optional<std::int64_t>>& used_until,
                         std::int64_t now_ms) {
    RateDecision decision;
    decision.used_until.resize(limits.size());
    for (size_t i = 0; i < limits.size(); ++i) {
        const RateLimit& limit = limits[i];
        // Each request uses up one interval; a burst may run `tolerance` ahead of now.
        const std::int64_t interval = std::max<std::int64_t>(1, limit.period_ms / limit.limit);
        const std::int64_t tolerance = limit.period_ms - interval;
        const std::int64_t until = std::max(now_ms, used_until[i].value_or(now_ms));
        if (until - now_ms > tolerance)
            decision.wait_ms = std::max(decision.wait_ms, until - now_ms - tolerance);
        decision.used_until[i] = until + interval;
    }
    return decision;
}

std::optional<std::int64_t> MemoryRateLimiter::take(const std::vector<RateLimit>& limits,
                                                    std::int64_t now_ms) {
    std::lock_guard lock(mutex_);
    std::vector<std::optional<std::int64_t>> known(limits.size());
    for (size_t i = 0; i < limits.size(); ++i)
        if (auto found = used_until_.find(limits[i].key); found != used_until_.end())
            known[i] = found->second;
    const RateDecision decision = decide_rate(limits, known, now_ms);
    if (decision.wait_ms > 0) return decision.wait_ms;
    if (used_until_.size() > kPruneAbove)
        std::erase_if(used_until_, [now_ms](const auto& entry) { return entry.second <= now_ms; });
    for (size_t i = 0; i < limits.size(); ++i)
        used_until_[limits[i].key] = decision.used_until[i];
    return std::nullopt;
}

} // namespace orchard::domain
