#include "server/export/agreement.h"

#include <algorithm>

namespace orchard::exporting {

std::optional<double> krippendorff_alpha_interval(const std::vector<AlphaUnit>& units) {
    // Observed disagreement D_o = 1/n Σ_u 1/(m_u - 1) Σ_{i≠j in u} (v_i - v_j)², expected
    // D_e = 1/(n(n-1)) Σ_{i≠j over all pairable values} (v_i - v_j)², n the pairable values;
    // Σ_{i≠j} (v_i - v_j)² = 2 (m Σv² - (Σv)²) for any m values.
    double n = 0, total = 0, total_squares = 0, observed = 0;
    for (const auto& unit : units) {
        if (unit.count < 2) continue;
        n += unit.count;
        total += unit.sum;
        total_squares += unit.squares;
        observed += 2 * (unit.count * unit.squares - unit.sum * unit.sum) / (unit.count - 1);
    }
    if (n < 2) return std::nullopt;
    const double expected = 2 * (n * total_squares - total * total) / (n * (n - 1));
    if (expected <= 1e-12) return std::nullopt;
    return 1 - (observed / n) / expected;
}

void AlphaSampler::add(const std::vector<double>& values) {
    if (values.size() < 2) return;
    AlphaUnit unit;
    unit.count = static_cast<int>(values.size());
    for (double v : values) {
        unit.sum += v;
        unit.squares += v * v;
    }
    ++seen_;
    if (sample_.size() < kMaxUnits) {
        sample_.push_back(unit);
        return;
    }
    // Reservoir sampling: each unit seen so far stays with probability kMaxUnits / seen_.
    std::uniform_int_distribution<long> slot(0, seen_ - 1);
    const long chosen = slot(random_);
    if (chosen < static_cast<long>(kMaxUnits)) sample_[static_cast<std::size_t>(chosen)] = unit;
}

AlphaEstimate AlphaSampler::estimate() {
    AlphaEstimate estimate;
    estimate.units = seen_;
    estimate.alpha = krippendorff_alpha_interval(sample_);
    if (!estimate.alpha || sample_.size() < 2) return estimate;
    std::vector<double> alphas;
    std::vector<AlphaUnit> resample(sample_.size());
    std::uniform_int_distribution<std::size_t> pick(0, sample_.size() - 1);
    for (int round = 0; round < kBootstrapRounds; ++round) {
        for (auto& unit : resample)
            unit = sample_[pick(random_)];
        if (auto alpha = krippendorff_alpha_interval(resample)) alphas.push_back(*alpha);
    }
    if (alphas.size() < kBootstrapRounds / 2) return estimate; // too few resamples had spread
    std::sort(alphas.begin(), alphas.end());
    estimate.low = alphas[static_cast<std::size_t>(0.025 * (alphas.size() - 1))];
    estimate.high = alphas[static_cast<std::size_t>(0.975 * (alphas.size() - 1))];
    return estimate;
}

std::optional<double> kendall_tau(const std::vector<int>& ranks) {
    const std::size_t n = ranks.size();
    if (n < 2) return std::nullopt;
    long concordant = 0, discordant = 0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            // The person put i before j; the consensus agrees when i's rank is better (lower).
            if (ranks[i] < ranks[j])
                ++concordant;
            else if (ranks[i] > ranks[j])
                ++discordant;
        }
    return static_cast<double>(concordant - discordant) / static_cast<double>(n * (n - 1) / 2);
}

} // namespace orchard::exporting
