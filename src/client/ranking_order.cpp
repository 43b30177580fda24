#include "client/ranking_order.h"

#include <algorithm>
#include <numeric>

namespace orchard::client {

RankingOrder::RankingOrder(std::size_t replies) : order_(replies) {
    std::iota(order_.begin(), order_.end(), 0);
}

bool RankingOrder::unchanged() const {
    for (std::size_t i = 0; i < order_.size(); ++i)
        if (order_[i] != static_cast<int>(i)) return false;
    return true;
}

void RankingOrder::move(std::size_t from, std::size_t to) {
    if (from >= order_.size() || to >= order_.size() || from == to) return;
    const int moved = order_[from];
    order_.erase(order_.begin() + static_cast<long>(from));
    order_.insert(order_.begin() + static_cast<long>(to), moved);
}

void RankingOrder::move_up(std::size_t position) {
    if (position > 0) move(position, position - 1);
}

void RankingOrder::move_down(std::size_t position) {
    move(position, position + 1);
}

bool RankingOrder::is_permutation(const std::vector<int>& order, std::size_t n) {
    if (order.size() != n) return false;
    std::vector<bool> seen(n, false);
    for (int index : order) {
        if (index < 0 || static_cast<std::size_t>(index) >= n ||
            seen[static_cast<std::size_t>(index)])
            return false;
        seen[static_cast<std::size_t>(index)] = true;
    }
    return true;
}

} // namespace orchard::client
