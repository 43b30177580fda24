#include "server/domain/ranked_pairs.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace orchard::domain;
using Ids = std::vector<std::string>;

namespace {

// A profile as "n voters gave this ranking", like the voting-theory literature writes it.
std::vector<RankingOrder> profile(const std::vector<std::pair<int, RankingOrder>>& groups) {
    std::vector<RankingOrder> rankings;
    for (const auto& [voters, ranking] : groups) {
        for (int i = 0; i < voters; ++i)
            rankings.push_back(ranking);
    }
    return rankings;
}

// The consensus must not depend on the order the rankings were stored in.
void check_independent_of_input_order(std::vector<RankingOrder> rankings) {
    const Consensus expected = ranked_pairs(rankings);
    std::mt19937 random(12345);
    for (int round = 0; round < 10; ++round) {
        std::shuffle(rankings.begin(), rankings.end(), random);
        const Consensus shuffled = ranked_pairs(rankings);
        CHECK(shuffled.order == expected.order);
        CHECK(shuffled.shared == expected.shared);
    }
}

} // namespace

TEST_CASE("ranked pairs: unanimous rankings give that ranking") {
    const auto consensus = ranked_pairs({{"c", "a", "b"}, {"c", "a", "b"}, {"c", "a", "b"}});
    CHECK(consensus.order == Ids{"c", "a", "b"});
    CHECK(consensus.shared == Ids{"a", "b", "c"}); // sorted, not in ranking order

    // A single ranking is unanimous too.
    CHECK(ranked_pairs({{"z", "y", "x", "w"}}).order == Ids{"z", "y", "x", "w"});
}

TEST_CASE("ranked pairs: the majority wins each pair, whatever ranking comes first") {
    // B>A 2:1, B>C 2:1, A>C 3:0. The minority ranking is listed first on purpose.
    const auto consensus = ranked_pairs({{"A", "C", "B"}, {"B", "A", "C"}, {"B", "A", "C"}});
    CHECK(consensus.order == Ids{"B", "A", "C"});
    check_independent_of_input_order({{"A", "C", "B"}, {"B", "A", "C"}, {"B", "A", "C"}});
}

TEST_CASE("ranked pairs: a Condorcet cycle is broken at its weakest majority") {
    SECTION("weighted cycle: margins 5, 3 and 1") {
        // The three cycle voters A>B>C, B>C>A, C>A>B repeated so that the cycle survives with
        // three different margins (one extra voter alone always cancels an edge, see below):
        // A>B: 4+2 vs 3 = margin 3; B>C: 4+3 vs 2 = margin 5; C>A: 3+2 vs 4 = margin 1.
        // Lock B>C (5), lock A>B (3), C>A (1) would close the cycle: dropped. Order A, B, C.
        // Processing margins in the wrong direction would give C, A, B instead.
        const auto rankings =
            profile({{4, {"A", "B", "C"}}, {3, {"B", "C", "A"}}, {2, {"C", "A", "B"}}});
        CHECK(ranked_pairs(rankings).order == Ids{"A", "B", "C"});
        check_independent_of_input_order(rankings);
    }
    SECTION("weighted cycle whose weakest link is another pair") {
        // Same cycle, but the C>A>B voters outnumber the A>B>C ones:
        // A>B: 2+4 vs 3 = 3; B>C: 2+3 vs 4 = 1; C>A: 3+4 vs 2 = 5. B>C is dropped: C, A, B.
        const auto rankings =
            profile({{2, {"A", "B", "C"}}, {3, {"B", "C", "A"}}, {4, {"C", "A", "B"}}});
        CHECK(ranked_pairs(rankings).order == Ids{"C", "A", "B"});
    }
    SECTION("the three cycle voters and one extra voter") {
        // An extra C>A>B voter makes C>A and A>B 3:1 (margin 2) and leaves B>C, the smallest
        // margin, at 2:2 (margin 0): it is never locked, so C, A, B.
        const auto consensus =
            ranked_pairs({{"A", "B", "C"}, {"B", "C", "A"}, {"C", "A", "B"}, {"C", "A", "B"}});
        CHECK(consensus.order == Ids{"C", "A", "B"});
    }
    SECTION("a single extra voter can also cancel two edges of the cycle") {
        // An extra B>A>C voter ties A:B and C:A at 2:2; only B>C (3:1) is locked. The sources
        // A and B are ordered by average position, B (0.75) before A (1), then A before C (1.25).
        const auto consensus =
            ranked_pairs({{"A", "B", "C"}, {"B", "C", "A"}, {"C", "A", "B"}, {"B", "A", "C"}});
        CHECK(consensus.order == Ids{"B", "A", "C"});
    }
}

TEST_CASE("ranked pairs: a perfect tie cycle is resolved deterministically") {
    SECTION("equal margins and counts fall back to the ids") {
        // m>k, k>z, z>m each 2:1. Sorted by the winner's id: k>z, m>k locked; z>m closes the
        // cycle. The result is m, k, z: neither alphabetical nor the first ranking given.
        const std::vector<RankingOrder> rankings{{"k", "z", "m"}, {"m", "k", "z"}, {"z", "m", "k"}};
        CHECK(ranked_pairs(rankings).order == Ids{"m", "k", "z"});
        check_independent_of_input_order(rankings);
    }
    SECTION("unlocked ties are read off by average position") {
        // A:B 1:1 and A:C 1:1 lock nothing; B>C 2:0 is locked. Sources A and B: B's average
        // position (0.5) beats A's (1), although A's id is smaller. Then A (1) before C (1.5).
        const auto consensus = ranked_pairs({{"A", "B", "C"}, {"B", "C", "A"}});
        CHECK(consensus.order == Ids{"B", "A", "C"});
    }
    SECTION("equal average positions fall back to the ids") {
        CHECK(ranked_pairs({{"b", "a"}, {"a", "b"}}).order == Ids{"a", "b"});
        CHECK(ranked_pairs({{"a", "b"}, {"b", "a"}}).order == Ids{"a", "b"});
    }
}

TEST_CASE("ranked pairs: rankings are cut to the ids they all share") {
    // d was added after the second ranking was made; e is only in the first one.
    const auto consensus =
        ranked_pairs({{"a", "d", "e", "b", "c"}, {"b", "c", "a"}, {"b", "a", "c", "d"}});
    CHECK(consensus.shared == Ids{"a", "b", "c"});
    // Cut to (a,b,c), (b,c,a), (b,a,c): b>a 2:1, a>c 2:1, b>c 3:0.
    CHECK(consensus.order == Ids{"b", "a", "c"});
    CHECK(std::find(consensus.order.begin(), consensus.order.end(), "d") == consensus.order.end());
    CHECK(std::find(consensus.order.begin(), consensus.order.end(), "e") == consensus.order.end());

    // Where the missing id was on top everywhere else, the shared ones still get ranked.
    const auto without_top = ranked_pairs({{"x", "q", "p"}, {"x", "q", "p"}, {"p", "q"}});
    CHECK(without_top.shared == Ids{"p", "q"});
    CHECK(without_top.order == Ids{"q", "p"});
}

TEST_CASE("ranked pairs: fewer than 2 shared ids give no order") {
    SECTION("one shared id") {
        const auto consensus = ranked_pairs({{"a", "b"}, {"b", "c"}});
        CHECK(consensus.order.empty());
        CHECK(consensus.shared == Ids{"b"});
    }
    SECTION("no shared id") {
        const auto consensus = ranked_pairs({{"a", "b"}, {"c", "d"}});
        CHECK(consensus.order.empty());
        CHECK(consensus.shared.empty());
    }
    SECTION("a single ranking of a single id") {
        const auto consensus = ranked_pairs({{"a"}});
        CHECK(consensus.order.empty());
        CHECK(consensus.shared == Ids{"a"});
    }
    SECTION("an empty ranking shares nothing") {
        const auto consensus = ranked_pairs({{"a", "b"}, {}});
        CHECK(consensus.order.empty());
        CHECK(consensus.shared.empty());
    }
    SECTION("no ranking at all") {
        const auto consensus = ranked_pairs({});
        CHECK(consensus.order.empty());
        CHECK(consensus.shared.empty());
    }
}

TEST_CASE("ranked pairs: a ranking with a duplicate id is ignored entirely") {
    SECTION("it neither outvotes the valid ones nor cuts the shared ids") {
        // Counted, the invalid rankings would outvote a>b>c and cut the shared ids to {b} or {c}.
        const auto consensus = ranked_pairs(
            {{"c", "b", "a", "c"}, {"a", "b", "c"}, {"c", "b", "a", "a"}, {"b", "b"}, {"c", "c"}});
        CHECK(consensus.order == Ids{"a", "b", "c"});
        CHECK(consensus.shared == Ids{"a", "b", "c"});
    }
    SECTION("only invalid rankings give an empty consensus") {
        const auto consensus = ranked_pairs({{"a", "b", "a"}, {"b", "a", "b"}});
        CHECK(consensus.order.empty());
        CHECK(consensus.shared.empty());
    }
}

TEST_CASE("ranked pairs: the Tennessee capital example") {
    // Wikipedia, "Ranked pairs": voters in each city rank the cities by distance to them. Nashville
    // beats every other city head to head (the Condorcet winner).
    const auto rankings = profile({{42, {"Memphis", "Nashville", "Chattanooga", "Knoxville"}},
                                   {26, {"Nashville", "Chattanooga", "Knoxville", "Memphis"}},
                                   {15, {"Chattanooga", "Knoxville", "Nashville", "Memphis"}},
                                   {17, {"Knoxville", "Chattanooga", "Nashville", "Memphis"}}});
    const auto consensus = ranked_pairs(rankings);
    CHECK(consensus.order == Ids{"Nashville", "Chattanooga", "Knoxville", "Memphis"});
    CHECK(consensus.shared == Ids{"Chattanooga", "Knoxville", "Memphis", "Nashville"});
    check_independent_of_input_order(rankings);
}

TEST_CASE("ranked pairs: a profile full of cycles") {
    // Wikipedia's 45-voter example from "Schulze method". Margins, strongest first:
    // B>D 21, E>D 17, A>D 15, C>B 13, D>C 11 (skipped: C>B>D), E>B 9, A>C 7,
    // B>A 5 (skipped: A>C>B), C>E 3, E>A 1 (skipped: A>C>E). Locked chain: A>C>E>B>D.
    const auto rankings = profile({{5, {"A", "C", "B", "E", "D"}},
                                   {5, {"A", "D", "E", "C", "B"}},
                                   {8, {"B", "E", "D", "A", "C"}},
                                   {3, {"C", "A", "B", "E", "D"}},
                                   {7, {"C", "A", "E", "B", "D"}},
                                   {2, {"C", "B", "A", "D", "E"}},
                                   {7, {"D", "C", "E", "B", "A"}},
                                   {8, {"E", "B", "A", "D", "C"}}});
    CHECK(ranked_pairs(rankings).order == Ids{"A", "C", "E", "B", "D"});
    check_independent_of_input_order(rankings);
}

TEST_CASE("ranked pairs: the order is always a permutation of the shared ids") {
    // Random profiles over 6 ids, some rankings missing an id: whatever the cycles, the order
    // places each shared id exactly once, and a Condorcet winner, when there is one, comes first.
    std::mt19937 random(2024);
    const Ids ids{"a", "b", "c", "d", "e", "f"};
    for (int round = 0; round < 200; ++round) {
        std::vector<RankingOrder> rankings;
        const int voters = 1 + static_cast<int>(random() % 9);
        for (int voter = 0; voter < voters; ++voter) {
            RankingOrder ranking = ids;
            std::shuffle(ranking.begin(), ranking.end(), random);
            if (random() % 4 == 0) ranking.pop_back();
            rankings.push_back(ranking);
        }
        const auto consensus = ranked_pairs(rankings);
        Ids sorted_order = consensus.order;
        std::sort(sorted_order.begin(), sorted_order.end());
        if (consensus.shared.size() >= 2) {
            CHECK(sorted_order == consensus.shared);
        } else {
            CHECK(consensus.order.empty());
        }
        for (const auto& candidate : consensus.shared) {
            bool beats_all = true;
            for (const auto& other : consensus.shared) {
                if (other == candidate) continue;
                int above = 0;
                for (const auto& ranking : rankings) {
                    const auto c = std::find(ranking.begin(), ranking.end(), candidate);
                    const auto o = std::find(ranking.begin(), ranking.end(), other);
                    above += c < o ? 1 : -1;
                }
                beats_all = beats_all && above > 0;
            }
            if (beats_all) CHECK(consensus.order.front() == candidate);
        }
    }
}
