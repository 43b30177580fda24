// RankingOrder consensus (PROTOCOL.md §6): merges the rankings users gave to the replies of one
// parent message into one order, with Tideman's Ranked Pairs. Pure logic, no storage and no I/O, so
// that it is unit-tested on its own: the caller loads the rankings and turns the order into each
// sibling's `rank` (its place in `order`, 0 best; siblings outside `order` get null).
//
// Ranked Pairs is a Condorcet method: a reply that beats every other one head to head always comes
// first, and a cycle of majorities (A>B, B>C, C>A) is broken at its weakest majority. The whole
// computation is deterministic: the same rankings, in any order, give the same consensus.
#pragma once

#include <string>
#include <vector>

namespace orchard::domain {

// A ranking: message ids, best first. Rankings of one parent may cover different subsets of its
// replies (replies added later, deleted ones).
using RankingOrder = std::vector<std::string>;

struct Consensus {
    // The consensus order, best first; empty when fewer than 2 shared ids.
    std::vector<std::string> order;
    // The ids every (valid) ranking contains, sorted; reported even when too few to order.
    std::vector<std::string> shared;
};

// PROTOCOL.md §6: cut all rankings to the ids they all share (at least 2, else order is empty),
// then merge with Tideman's Ranked Pairs: count for each ordered pair (a,b) how many rankings put
// a above b; the margin of a over b is count(a>b) - count(b>a); consider pairs with positive
// margin, sorted by margin descending (ties broken deterministically: by count(a>b) descending,
// then by a's id, then b's id, lexicographically); lock each pair unless it would close a cycle in
// the locked graph; read the order off the locked graph (repeatedly take the source: the id nobody
// locked above it; when several sources exist, which can happen with zero-margin pairs, break the
// tie by the id's average position across rankings, then by id lexicographically).
//
// Invalid input: a ranking that names an id twice is ignored entirely (it counts neither for the
// shared ids nor for the pairs), since we cannot tell which of its places the user meant. An empty
// ranking is valid but shares no id with anything, so it leaves fewer than 2 shared ids and an
// empty order. No (valid) ranking at all gives an empty consensus.
Consensus ranked_pairs(const std::vector<RankingOrder>& rankings);

} // namespace orchard::domain
