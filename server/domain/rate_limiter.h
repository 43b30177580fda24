// "At most N requests per period" for many keys at once (PROTOCOL.md rate limits), by the
// generic cell rate algorithm: one timestamp per key, bursts of up to N, and the exact wait when
// a request is refused. In memory: limits start afresh when the server restarts.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace orchard::domain {

struct RateLimit {
    std::string key; // e.g. "user:<id>"
    int limit;       // requests per period
    std::int64_t period_ms;
};

class RateLimiter {
  public:
    // Counts one request against every limit if all of them allow it and returns std::nullopt;
    // otherwise counts nothing and returns how many milliseconds to wait.
    std::optional<std::int64_t> take(const std::vector<RateLimit>& limits, std::int64_t now_ms);

  private:
    std::mutex mutex_;
    // Per key, the "theoretical arrival time": when the key's allowance is fully used up.
    std::unordered_map<std::string, std::int64_t> used_until_;
};

} // namespace orchard::domain
