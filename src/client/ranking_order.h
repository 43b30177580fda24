// The order a person puts sibling replies in, best first, and the ways to change it: drag and
// drop, move up/down, and number keys (put the selected reply at position N).
#pragma once

#include <cstddef>
#include <vector>

namespace orchard::client {

class RankingOrder {
  public:
    RankingOrder() = default;
    explicit RankingOrder(std::size_t replies);
    explicit RankingOrder(std::vector<int> order) : order_(std::move(order)) {}

    // Indices into the task's reply_messages, best first: what the server receives.
    const std::vector<int>& order() const { return order_; }
    std::size_t size() const { return order_.size(); }
    // True when the person has not changed the order they were shown.
    bool unchanged() const;

    // Moves the reply at position `from` to position `to`; the others close up.
    void move(std::size_t from, std::size_t to);
    void move_up(std::size_t position);
    void move_down(std::size_t position);
    // True when `order` is a permutation of 0..n-1 (a stored draft may be stale).
    static bool is_permutation(const std::vector<int>& order, std::size_t n);

  private:
    std::vector<int> order_;
};

} // namespace orchard::client
