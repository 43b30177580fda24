#include "tests/bench/soak_report.h"

#include "tests/bench/percentile.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace orchard::bench {

void print_latency(const char* what, const std::vector<Probe>& probes, double from, double to) {
    std::vector<double> ms;
    for (const Probe& probe : probes)
        if (probe.at >= from && probe.at <= to) ms.push_back(probe.ms);
    std::printf("  %-22s %6zu %8.2f %8.2f %8.2f %8.2f\n", what, ms.size(), percentile(ms, 0.50),
                percentile(ms, 0.95), percentile(ms, 0.99),
                ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end()));
}

double slope_per_10_minutes(const std::vector<Sample>& samples, long Sample::*value) {
    if (samples.size() < 2) return 0;
    double mean_t = 0, mean_v = 0;
    for (const Sample& s : samples) {
        mean_t += s.at;
        mean_v += static_cast<double>(s.*value);
    }
    mean_t /= static_cast<double>(samples.size());
    mean_v /= static_cast<double>(samples.size());
    double covariance = 0, variance = 0;
    for (const Sample& s : samples) {
        covariance += (s.at - mean_t) * (static_cast<double>(s.*value) - mean_v);
        variance += (s.at - mean_t) * (s.at - mean_t);
    }
    return variance > 0 ? covariance / variance * 600.0 : 0.0;
}

double request_rate(const std::vector<Sample>& samples, double from, double to) {
    const Sample* first = nullptr;
    const Sample* last = nullptr;
    for (const Sample& s : samples) {
        if (!first && s.at >= from - 1) first = &s;
        if (s.at <= to + 1) last = &s;
    }
    if (!first || !last || last->at <= first->at) return 0;
    return static_cast<double>(last->legit_requests - first->legit_requests) /
           (last->at - first->at);
}

void print_server_output(const std::string& written) {
    constexpr std::string_view kClientReport = "error: client ";
    std::vector<std::string> lines;
    long reports = 0;
    size_t at = 0;
    while (at < written.size()) {
        size_t end = written.find('\n', at);
        if (end == std::string::npos) end = written.size();
        const std::string line = written.substr(at, end - at);
        if (line.starts_with(kClientReport))
            ++reports;
        else if (!line.empty())
            lines.push_back(line);
        at = end + 1;
    }
    std::printf(
        "server output during the run: %ld browser crash reports logged, %zu other lines%s\n",
        reports, lines.size(), lines.empty() ? "" : " (the last 40):");
    for (size_t i = lines.size() > 40 ? lines.size() - 40 : 0; i < lines.size(); ++i)
        std::printf("  %s\n", lines[i].c_str());
}

} // namespace orchard::bench
