#include "server/domain/rate_limiter.h"

#include <catch2/catch.hpp>

using orchard::domain::MemoryRateLimiter;
using orchard::domain::RateLimit;

TEST_CASE("rate limiter: N requests per period, then the exact wait") {
    MemoryRateLimiter limiter;
    const std::vector<RateLimit> limits = {{"user:a", 30, 240'000}};
    for (int i = 0; i < 30; ++i)
        CHECK_FALSE(limiter.take(limits, 1'000'000));
    // The 31st within the period waits until one request's share (240 s / 30) has passed.
    CHECK(limiter.take(limits, 1'000'000) == 8'000);
    CHECK(limiter.take(limits, 1'007'999) == 1);
    CHECK_FALSE(limiter.take(limits, 1'008'000));
    // Another key has its own allowance.
    CHECK_FALSE(limiter.take({{"user:b", 30, 240'000}}, 1'008'000));
}

TEST_CASE("rate limiter: a request refused by one limit counts against none") {
    MemoryRateLimiter limiter;
    const RateLimit user{"user:a", 10, 60'000};
    const RateLimit replies{"assistant_reply:a", 1, 120'000};
    CHECK_FALSE(limiter.take({user, replies}, 0));
    CHECK(limiter.take({user, replies}, 1) == 119'999);
    // The refused reply request did not use up the user's general allowance: 9 more pass.
    for (int i = 0; i < 9; ++i)
        CHECK_FALSE(limiter.take({user}, 2));
    CHECK(limiter.take({user}, 2));
}
