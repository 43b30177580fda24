// Requests per second for GET /api/v1/health at 8 concurrent keep-alive connections, for the
// real `orchard serve` and, in the same run, for a bare cpp-httplib handler that returns the
// same bytes (with Orchard's socket settings, and with cpp-httplib's defaults). Prints medians of
// several alternating rounds and the ratios; asserts nothing.
#include "tests/support/background_listen.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <httplib.h>
#include <thread>
#include <vector>

namespace {

constexpr int kConnections = 8;
constexpr int kRounds = 5;
constexpr auto kRoundLength = std::chrono::seconds(3);

struct RoundResult {
    double requests_per_second = 0;
    long errors = 0;
};

RoundResult measure(int port) {
    std::atomic<long> completed = 0;
    std::atomic<long> errors = 0;
    std::atomic<bool> running = true;
    std::vector<std::thread> workers;
    for (int i = 0; i < kConnections; ++i) {
        workers.emplace_back([&] {
            httplib::Client client("127.0.0.1", port);
            client.set_keep_alive(true);
            while (running) {
                auto response = client.Get("/api/v1/health");
                if (response && response->status == 200)
                    ++completed;
                else
                    ++errors;
            }
        });
    }
    const auto start = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(kRoundLength);
    running = false;
    for (auto& worker : workers)
        worker.join();
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    return {static_cast<double>(completed) / elapsed.count(), errors};
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

struct BareServer {
    httplib::Server server;
    std::thread thread;
    int port = 0;

    BareServer(const std::string& body, bool orchard_settings) {
        if (orchard_settings) {
            server.new_task_queue = [] { return new httplib::ThreadPool(64); };
            server.set_tcp_nodelay(true);
            server.set_keep_alive_max_count(1000);
        }
        server.Get("/api/v1/health", [body](const httplib::Request&, httplib::Response& res) {
            res.set_content(body, "application/json");
        });
        port = server.bind_to_any_port("127.0.0.1");
        thread = orchard::test::listen_in_background(server);
    }
    ~BareServer() {
        server.stop();
        thread.join();
    }
};

} // namespace

int main() {
    orchard::test::TempDir dir;
    orchard::test::TestServer orchard_server(dir.path(), {"--quiet"});
    httplib::Client probe("127.0.0.1", orchard_server.port());
    const std::string body = probe.Get("/api/v1/health")->body;

    BareServer bare(body, /*orchard_settings=*/true);
    BareServer bare_defaults(body, /*orchard_settings=*/false);

    std::vector<double> orchard_rps, bare_rps, defaults_rps;
    long errors = 0;
    for (int round = 0; round < kRounds; ++round) {
        auto a = measure(orchard_server.port());
        auto b = measure(bare.port);
        auto c = measure(bare_defaults.port);
        orchard_rps.push_back(a.requests_per_second);
        bare_rps.push_back(b.requests_per_second);
        defaults_rps.push_back(c.requests_per_second);
        errors += a.errors + b.errors + c.errors;
        std::printf("round %d: orchard %.0f/s, bare httplib %.0f/s, bare httplib defaults %.0f/s\n",
                    round + 1, a.requests_per_second, b.requests_per_second, c.requests_per_second);
    }
    const double orchard = median(orchard_rps);
    const double baseline = median(bare_rps);
    const double defaults = median(defaults_rps);
    std::printf("\nGET /api/v1/health, %d keep-alive connections, median of %d rounds of %llds:\n",
                kConnections, kRounds, static_cast<long long>(kRoundLength.count()));
    std::printf("  orchard serve (database check per request): %8.0f req/s\n", orchard);
    std::printf("  bare cpp-httplib handler, same settings:    %8.0f req/s  (orchard = %.2fx)\n",
                baseline, orchard / baseline);
    std::printf("  bare cpp-httplib handler, library defaults: %8.0f req/s  (orchard = %.2fx)\n",
                defaults, orchard / defaults);
    std::printf("  failed requests: %ld\n", errors);
    return errors == 0 ? 0 : 1;
}
