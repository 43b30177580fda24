// How much reviewers agree, for a dataset's card: Krippendorff's alpha per label (interval
// metric, values in [0,1]) with a bootstrap 95% interval, and how close each person's ranking is
// to the consensus (Kendall's tau). Memory stays flat however many messages there are: alpha is
// computed on a uniform sample of at most kMaxUnits messages (reservoir sampling, seeded), each
// kept as three numbers.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace orchard::exporting {

// One message's values of one label, as sums: enough for the interval metric.
struct AlphaUnit {
    int count = 0;      // m: how many reviewers gave a value
    double sum = 0;     // Σ v
    double squares = 0; // Σ v²
};

// Alpha for units with at least two values; nullopt when there are none or all values are equal
// (no disagreement is expected, so alpha says nothing).
std::optional<double> krippendorff_alpha_interval(const std::vector<AlphaUnit>& units);

struct AlphaEstimate {
    std::optional<double> alpha;
    std::optional<double> low, high; // the bootstrap 95% interval
    long units = 0;                  // messages with two or more values (before sampling)
};

class AlphaSampler {
  public:
    static constexpr std::size_t kMaxUnits = 20000;
    static constexpr int kBootstrapRounds = 1000;

    explicit AlphaSampler(std::uint64_t seed) : random_(seed) {}
    // One message's values of the label; fewer than two values tell nothing about agreement.
    void add(const std::vector<double>& values);
    AlphaEstimate estimate();

  private:
    std::mt19937_64 random_;
    std::vector<AlphaUnit> sample_;
    long seen_ = 0;
};

// Kendall's tau-a between a person's order of items (best first) and the consensus ranks of the
// same items (0 best): 1 for the same order, -1 for the reverse; nullopt under two items.
std::optional<double> kendall_tau(const std::vector<int>& consensus_ranks_in_person_order);

} // namespace orchard::exporting
