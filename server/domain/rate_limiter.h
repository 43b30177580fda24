// "At most N requests per period" for many keys at once (PROTOCOL.md rate limits), by the
// generic cell rate algorithm: one timestamp per key, bursts of up to N, and the exact wait when
// a request is refused. The algorithm is here; where the timestamps live is the limiter's: in
// this server's memory (one server, SQLite), or in the database that several servers share
// (domain/shared_rate_limiter.h).
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

// One request against `limits`, given each key's "theoretical arrival time" (when its allowance
// is used up; none for a key never seen): either how many milliseconds to wait, counting
// nothing, or each key's new time.
struct RateDecision {
    std::int64_t wait_ms = 0; // > 0: refused
    std::vector<std::int64_t> used_until;
};
RateDecision decide_rate(const std::vector<RateLimit>& limits,
                         const std::vector<std::optional<std::int64_t>>& used_until,
                         std::int64_t now_ms);

class RateLimiter {
  public:
    virtual ~RateLimiter() = default;
    // Counts one request against every limit if all of them allow it and returns std::nullopt;
    // otherwise counts nothing and returns how many milliseconds to wait.
    virtual std::optional<std::int64_t> take(const std::vector<RateLimit>& limits,
                                             std::int64_t now_ms) = 0;
};

// In memory: limits start afresh when the server restarts.
class MemoryRateLimiter : public RateLimiter {
  public:
    std::optional<std::int64_t> take(const std::vector<RateLimit>& limits,
                                     std::int64_t now_ms) override;

  private:
    std::mutex mutex_;
    std::unordered_map<std::string, std::int64_t> used_until_;
};

} // namespace orchard::domain
