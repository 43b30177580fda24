// What the soak benchmark measures over time, and how it sums it up: health probes, samples of
// the server's memory and database, and the lines the server wrote.
#pragma once

#include <string>
#include <vector>

namespace orchard::bench {

struct Probe {
    double at = 0; // seconds since the start of the run
    double ms = 0;
};

// The write-ahead log apart from the database: a log that only grows means checkpoints starve.
struct Sample {
    double at = 0;
    long rss_kib = 0;
    long anon_kib = 0; // RssAnon: what a leak would grow, unlike the mapped database
    long legit_requests = 0;
    long db_bytes = 0;
    long wal_bytes = 0;
};

constexpr double kMiB = 1048576.0;

// Count, p50, p95, p99 and max of the probes sent between `from` and `to` seconds, on one line.
void print_latency(const char* what, const std::vector<Probe>& probes, double from, double to);

// Least-squares slope of a sampled value over time, per 10 minutes: steadier than the difference
// of two samples, which a single garbage spike can swing.
double slope_per_10_minutes(const std::vector<Sample>& samples, long Sample::*value);

// Legitimate requests per second between the samples nearest `from` and `to` seconds: a server
// that slows down as its database grows shows here before anywhere else.
double request_rate(const std::vector<Sample>& samples, double from, double to);

// The lines the server wrote during the run, but for the browser crash reports the fuzzer's
// POST /api/v1/client_errors makes it log (that is the route's job): those are only counted.
void print_server_output(const std::string& written);

} // namespace orchard::bench
