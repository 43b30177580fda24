#include "server/store/shared_rate_limiter.h"

#include "server/store/dialect.h"
#include "server/store/statement.h"

#include <algorithm>
#include <numeric>

namespace orchard::store {

namespace {

// About one take in this many also forgets the budgets that are whole again.
constexpr std::int64_t kPruneEvery = 1000;

} // namespace

std::optional<std::int64_t> SharedRateLimiter::take(const std::vector<domain::RateLimit>& limits,
                                                    std::int64_t now_ms) {
    std::vector<std::string> budgets;
    for (const auto& limit : limits)
        budgets.push_back(rule_ + " " + limit.key);
    // Rows locked in one order by every server, so that two takes never wait for each other.
    std::vector<size_t> order(limits.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return budgets[a] < budgets[b]; });

    std::optional<std::int64_t> refused;
    database_.write_counters([&](StatementCache& statements) {
        refused.reset();
        std::vector<std::optional<std::int64_t>> known(limits.size());
        for (const size_t i : order) {
            Statement(statements, "INSERT INTO rate_limits (budget, used_until_ms) VALUES (?, 0) "
                                  "ON CONFLICT (budget) DO NOTHING")
                .bind_all(budgets[i])
                .run();
            Statement row(statements, "SELECT used_until_ms FROM rate_limits WHERE budget = ?" +
                                          std::string(dialect::for_update(statements)));
            row.bind_all(budgets[i]);
            if (row.step() && row.column_int(0) > 0) known[i] = row.column_int(0);
        }
        const domain::RateDecision decision = domain::decide_rate(limits, known, now_ms);
        if (decision.wait_ms > 0) {
            refused = decision.wait_ms;
            return;
        }
        for (size_t i = 0; i < limits.size(); ++i)
            Statement(statements, "UPDATE rate_limits SET used_until_ms = ? WHERE budget = ?")
                .bind_all(decision.used_until[i], budgets[i])
                .run();
        if (now_ms % kPruneEvery == 0)
            Statement(statements, "DELETE FROM rate_limits WHERE used_until_ms < ?")
                .bind_all(now_ms)
                .run();
    });
    return refused;
}

} // namespace orchard::store
