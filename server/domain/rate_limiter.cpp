#include "server/domain/rate_limiter.h"

#include <algorithm>

namespace orchard::domain {

namespace {

// Keys whose allowance is whole again are forgotten once the map is this large.
constexpr size_t kPruneAbove = 100000;

} // namespace

std::optional<std::int64_t> RateLimiter::take(const std::vector<RateLimit>& limits,
                                              std::int64_t now_ms) {
    std::lock_guard lock(mutex_);
    std::vector<std::int64_t> next(limits.size());
    std::int64_t wait_ms = 0;
    for (size_t i = 0; i < limits.size(); ++i) {
        const RateLimit& limit = limits[i];
        // Each request uses up one interval; a burst may run `tolerance` ahead of now.
        const std::int64_t interval = std::max<std::int64_t>(1, limit.period_ms / limit.limit);
        const std::int64_t tolerance = limit.period_ms - interval;
        auto found = used_until_.find(limit.key);
        const std::int64_t used_until =
            std::max(now_ms, found == used_until_.end() ? now_ms : found->second);
        if (used_until - now_ms > tolerance)
            wait_ms = std::max(wait_ms, used_until - now_ms - tolerance);
        next[i] = used_until + interval;
    }
    if (wait_ms > 0) return wait_ms;
    if (used_until_.size() > kPruneAbove)
        std::erase_if(used_until_, [now_ms](const auto& entry) { return entry.second <= now_ms; });
    for (size_t i = 0; i < limits.size(); ++i)
        used_until_[limits[i].key] = next[i];
    return std::nullopt;
}

} // namespace orchard::domain
