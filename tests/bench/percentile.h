// The p-th percentile (0 to 1) of a benchmark's samples, by nearest rank; 0 for no samples.
#pragma once

#include <algorithm>
#include <vector>

namespace orchard::bench {

inline double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const size_t index = static_cast<size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

} // namespace orchard::bench
