#include "server/domain/ranked_pairs.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace orchard::domain {

namespace {

// Inside the algorithm an id is its index in the sorted shared ids: the pair counts become a
// matrix, and comparing indexes is the same as comparing ids lexicographically.
using Index = std::size_t;
using IndexRanking = std::vector<Index>;
using Matrix = std::vector<std::vector<std::int64_t>>;
using Graph = std::vector<std::vector<Index>>; // adjacency lists: winner -> losers locked below it

struct Pair {
    Index winner;
    Index loser;
    std::int64_t margin; // count(winner > loser) - count(loser > winner), always positive here
    std::int64_t wins;   // count(winner > loser)
};

bool has_duplicates(const RankingOrder& ranking) {
    std::unordered_set<std::string_view> seen;
    for (const auto& id : ranking) {
        if (!seen.insert(id).second) return true;
    }
    return false;
}

// A ranking with a duplicate id has no well-defined pairwise preferences, so it is dropped whole
// rather than guessed at.
std::vector<const RankingOrder*> valid_rankings(const std::vector<RankingOrder>& rankings) {
    std::vector<const RankingOrder*> valid;
    for (const auto& ranking : rankings) {
        if (!has_duplicates(ranking)) valid.push_back(&ranking);
    }
    return valid;
}

RankingOrder sorted_copy(const RankingOrder& ranking) {
    RankingOrder sorted = ranking;
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

// Only ids that every ranking places can be compared fairly: an id missing from a ranking would
// otherwise count as neither above nor below the others there, and replies added late would be
// judged by fewer voters than the rest.
std::vector<std::string> shared_ids(const std::vector<const RankingOrder*>& valid) {
    if (valid.empty()) return {};
    std::vector<std::string> shared = sorted_copy(*valid.front());
    for (std::size_t i = 1; i < valid.size(); ++i) {
        const RankingOrder other = sorted_copy(*valid[i]);
        std::vector<std::string> both;
        std::set_intersection(shared.begin(), shared.end(), other.begin(), other.end(),
                              std::back_inserter(both));
        shared = std::move(both);
    }
    return shared;
}

std::optional<Index> index_of(const std::vector<std::string>& shared, const std::string& id) {
    auto found = std::lower_bound(shared.begin(), shared.end(), id);
    if (found == shared.end() || *found != id) return std::nullopt;
    return static_cast<Index>(found - shared.begin());
}

// Each ranking keeps its relative order over the shared ids; the other ids simply drop out.
std::vector<IndexRanking> cut_to_shared(const std::vector<const RankingOrder*>& valid,
                                        const std::vector<std::string>& shared) {
    std::vector<IndexRanking> cut;
    cut.reserve(valid.size());
    for (const RankingOrder* ranking : valid) {
        IndexRanking indexes;
        for (const auto& id : *ranking) {
            if (auto index = index_of(shared, id)) indexes.push_back(*index);
        }
        cut.push_back(std::move(indexes));
    }
    return cut;
}

// wins[a][b] = how many rankings put a above b.
Matrix count_wins(const std::vector<IndexRanking>& cut, std::size_t n) {
    Matrix wins(n, std::vector<std::int64_t>(n, 0));
    for (const auto& ranking : cut) {
        for (std::size_t above = 0; above < ranking.size(); ++above) {
            for (std::size_t below = above + 1; below < ranking.size(); ++below) {
                ++wins[ranking[above]][ranking[below]];
            }
        }
    }
    return wins;
}

// Strongest majorities first, so that a cycle is always broken at its weakest link. The tie-breaks
// only exist to make the result independent of the input order. The count tie-break is kept as
// specified, but after the cut every ranking orders every pair, so count = (rankings + margin) / 2
// and equal margins always mean equal counts: in practice the ids decide.
bool stronger(const Pair& x, const Pair& y) {
    if (x.margin != y.margin) return x.margin > y.margin;
    if (x.wins != y.wins) return x.wins > y.wins;
    if (x.winner != y.winner) return x.winner < y.winner; // index order is id order
    return x.loser < y.loser;
}

// Zero-margin pairs are left out: nobody is preferred, so nothing gets locked for them.
std::vector<Pair> sorted_pairs(const Matrix& wins) {
    std::vector<Pair> pairs;
    for (Index a = 0; a < wins.size(); ++a) {
        for (Index b = 0; b < wins.size(); ++b) {
            const std::int64_t margin = wins[a][b] - wins[b][a];
            if (margin > 0) pairs.push_back({a, b, margin, wins[a][b]});
        }
    }
    std::sort(pairs.begin(), pairs.end(), stronger);
    return pairs;
}

// Depth-first search in the locked graph; iterative so that no input can exhaust the stack.
bool reaches(const Graph& locked, Index from, Index to) {
    std::vector<bool> visited(locked.size(), false);
    std::vector<Index> pending{from};
    while (!pending.empty()) {
        const Index node = pending.back();
        pending.pop_back();
        if (node == to) return true;
        if (visited[node]) continue;
        visited[node] = true;
        for (Index next : locked[node])
            pending.push_back(next);
    }
    return false;
}

// Locking winner -> loser closes a cycle exactly when the loser already reaches the winner, so
// such a pair, weaker than every pair of that path, is skipped. The result is acyclic.
Graph lock_pairs(const std::vector<Pair>& pairs, std::size_t n) {
    Graph locked(n);
    for (const auto& pair : pairs) {
        if (!reaches(locked, pair.loser, pair.winner)) locked[pair.winner].push_back(pair.loser);
    }
    return locked;
}

// Every cut ranking holds every shared id, so all averages share the same divisor: comparing the
// sums of positions compares the averages exactly, without floating point.
std::vector<std::int64_t> position_sums(const std::vector<IndexRanking>& cut, std::size_t n) {
    std::vector<std::int64_t> sums(n, 0);
    for (const auto& ranking : cut) {
        for (std::size_t position = 0; position < ranking.size(); ++position) {
            sums[ranking[position]] += static_cast<std::int64_t>(position);
        }
    }
    return sums;
}

// Among the sources still to place, the best average position wins, then the smallest id.
Index best_source(const std::vector<std::size_t>& locked_above, const std::vector<bool>& placed,
                  const std::vector<std::int64_t>& sums) {
    std::optional<Index> best;
    for (Index id = 0; id < locked_above.size(); ++id) {
        if (placed[id] || locked_above[id] != 0) continue;
        if (!best || sums[id] < sums[*best]) best = id; // ascending ids: ties keep the smaller one
    }
    return *best; // the locked graph is acyclic, so an unplaced source always exists
}

// A topological sort of the locked graph (Kahn's algorithm) with deterministic tie-breaks: where
// the locked pairs do not decide (zero margins), the rankings' average opinion does.
std::vector<std::string> read_order(const Graph& locked, const std::vector<std::string>& shared,
                                    const std::vector<std::int64_t>& sums) {
    std::vector<std::size_t> locked_above(locked.size(), 0);
    for (const auto& losers : locked) {
        for (Index loser : losers)
            ++locked_above[loser];
    }
    std::vector<bool> placed(locked.size(), false);
    std::vector<std::string> order;
    order.reserve(locked.size());
    while (order.size() < locked.size()) {
        const Index source = best_source(locked_above, placed, sums);
        placed[source] = true;
        order.push_back(shared[source]);
        for (Index loser : locked[source])
            --locked_above[loser];
    }
    return order;
}

} // namespace

Consensus ranked_pairs(const std::vector<RankingOrder>& rankings) {
    const std::vector<const RankingOrder*> valid = valid_rankings(rankings);
    Consensus consensus;
    consensus.shared = shared_ids(valid);
    const std::size_t n = consensus.shared.size();
    if (n < 2) return consensus; // nothing to order

    const std::vector<IndexRanking> cut = cut_to_shared(valid, consensus.shared);
    const Graph locked = lock_pairs(sorted_pairs(count_wins(cut, n)), n);
    consensus.order = read_order(locked, consensus.shared, position_sums(cut, n));
    return consensus;
}

} // namespace orchard::domain
