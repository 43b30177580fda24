// Seeded random choices for the tree manager (PROTOCOL.md §5): which kind of task a `random` task
// request gets, and whose waiting prompt wins the prompt lottery. Pure logic, no storage and no
// I/O: the caller counts what is available and passes its own random engine.
//
// Every choice draws from the given std::mt19937_64 only, through std::uniform_real_distribution
// over the cumulative sum of the weights: with the same seed (and the same standard library, since
// the C++ standard leaves the distribution's algorithm to the implementation) the same inputs give
// the same choices. Tests rely on that; the server seeds from a random device.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <random>
#include <vector>

namespace orchard::domain {

// An index picked with probability weights[i] / (sum of the positive weights). A weight that is
// zero, negative or not a finite number is never picked; std::nullopt when no weight is positive.
std::optional<std::size_t> weighted_index(const std::vector<double>& weights, std::mt19937_64& rng);

// The kinds of task a `random` task request can turn into.
enum class TaskKind { Ranking, LabelReply, LabelPrompt, Reply, InitialPrompt };

// PROTOCOL.md §5 defaults. Ranking and reviews come first because trees only finish when their
// messages are reviewed and ranked; new prompts are rare because the lottery already holds plenty.
struct KindWeights {
    double ranking = 10;
    double label_reply = 5;
    double label_prompt = 5;
    double reply = 2;
    double initial_prompt = 0.01;
};

// A task kind drawn by `weights` among the kinds whose available count is positive (a kind absent
// from the map counts as 0); std::nullopt when nothing is available.
std::optional<TaskKind> choose_task_kind(const std::map<TaskKind, long>& available_counts,
                                         const KindWeights& weights, std::mt19937_64& rng);

// PROTOCOL.md §5 prompt lottery: candidate author i has weight 1 + first_place_counts[i] (their
// replies ranked first this month; a negative count is treated as 0), so everyone has a chance
// and good contributors a better one. The index of the chosen author; std::nullopt when empty.
std::optional<std::size_t> choose_lottery_author(const std::vector<long>& first_place_counts,
                                                 std::mt19937_64& rng);

} // namespace orchard::domain
