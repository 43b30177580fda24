#include "server/domain/weighted_choice.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace orchard::domain {

namespace {

bool usable(double weight) {
    return std::isfinite(weight) && weight > 0.0;
}

} // namespace

std::optional<std::size_t> weighted_index(const std::vector<double>& weights,
                                          std::mt19937_64& rng) {
    // Weights are divided by the largest one so that their sum stays finite even for huge weights
    // (two of 1e308 would overflow); the proportions, and so the probabilities, do not change.
    double largest = 0.0;
    std::optional<std::size_t> last_usable;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (!usable(weights[i])) continue;
        largest = std::max(largest, weights[i]);
        last_usable = i;
    }
    if (!last_usable) return std::nullopt;
    double total = 0.0;
    for (const double weight : weights) {
        if (usable(weight)) total += weight / largest;
    }
    std::uniform_real_distribution<double> distribution(0.0, total);
    const double point = distribution(rng);
    double cumulative = 0.0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (!usable(weights[i])) continue;
        cumulative += weights[i] / largest;
        if (point < cumulative) return i;
    }
    // Rounding can make the draw land on the total (a known quirk of uniform_real_distribution);
    // the point then belongs to the last usable weight's interval.
    return last_usable;
}

std::optional<TaskKind> choose_task_kind(const std::map<TaskKind, long>& available_counts,
                                         const KindWeights& weights, std::mt19937_64& rng) {
    // A fixed order, independent of the map, keeps draws reproducible for a seed.
    const std::array<std::pair<TaskKind, double>, 5> kinds = {{
        {TaskKind::Ranking, weights.ranking},
        {TaskKind::LabelReply, weights.label_reply},
        {TaskKind::LabelPrompt, weights.label_prompt},
        {TaskKind::Reply, weights.reply},
        {TaskKind::InitialPrompt, weights.initial_prompt},
    }};
    std::vector<double> effective;
    effective.reserve(kinds.size());
    for (const auto& [kind, weight] : kinds) {
        const auto found = available_counts.find(kind);
        const bool available = found != available_counts.end() && found->second > 0;
        effective.push_back(available ? weight : 0.0);
    }
    const auto index = weighted_index(effective, rng);
    if (!index) return std::nullopt;
    return kinds[*index].first;
}

std::optional<std::size_t> choose_lottery_author(const std::vector<long>& first_place_counts,
                                                 std::mt19937_64& rng) {
    std::vector<double> weights;
    weights.reserve(first_place_counts.size());
    for (const long count : first_place_counts) {
        weights.push_back(1.0 + static_cast<double>(std::max(count, 0L)));
    }
    return weighted_index(weights, rng);
}

} // namespace orchard::domain
