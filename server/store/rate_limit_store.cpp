#include "server/store/rate_limit_store.h"

#include "server/store/dialect.h"

namespace orchard::store {

std::vector<std::optional<std::int64_t>>
RateLimitStore::lock(const std::vector<std::string>& budgets) {
    std::vector<std::optional<std::int64_t>> times;
    for (const auto& budget : budgets) {
        Statement(statements_, "INSERT INTO rate_limits (budget, used_until_ms) VALUES (?, 0) "
                               "ON CONFLICT (budget) DO NOTHING")
            .bind_all(budget)
            .run();
        Statement row(statements_, "SELECT used_until_ms FROM rate_limits WHERE budget = ?" +
                                       std::string(dialect::for_update(statements_)));
        row.bind_all(budget);
        std::optional<std::int64_t> time;
        if (row.step() && row.column_int(0) > 0) time = row.column_int(0);
        times.push_back(time);
    }
    return times;
}

void RateLimitStore::save(const std::vector<std::string>& budgets,
                          const std::vector<std::int64_t>& times) {
    for (size_t i = 0; i < budgets.size(); ++i)
        Statement(statements_, "UPDATE rate_limits SET used_until_ms = ? WHERE budget = ?")
            .bind_all(times[i], budgets[i])
            .run();
}

void RateLimitStore::forget_before(std::int64_t now_ms) {
    Statement(statements_, "DELETE FROM rate_limits WHERE used_until_ms < ?")
        .bind_all(now_ms)
        .run();
}

} // namespace orchard::store
