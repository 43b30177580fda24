#include "server/http/body_budget.h"

#include <algorithm>

namespace orchard::http {

std::optional<BodyBudget::Reservation> BodyBudget::reserve(size_t bytes) {
    size_t used = used_.load();
    do {
        if (bytes > limit_ - std::min(used, limit_)) return std::nullopt;
    } while (!used_.compare_exchange_weak(used, used + bytes));
    return Reservation(*this, bytes);
}

} // namespace orchard::http
