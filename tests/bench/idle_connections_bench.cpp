// Does the server keep answering while thousands of connections sit idle? For 0, 1,000 and
// 10,000 idle connections (connected, nothing sent, as a browser's preconnect or a slow client
// leaves them, spread over 127.0.0.2-254 so no per-address limit applies), measures in the same
// run for this build's server and, when ORCHARD_BASELINE_SERVER names one, an older build (the
// cpp-httplib server, built by tests/bench/baseline_server.sh):
//   - GET /api/v1/health per second at 8 keep-alive connections, 3 s;
//   - task cycles per second (request, ack, answer) for 8 frontend users, 5 s;
//   - the server's memory per idle connection (resident set before and after opening them).
// A request that gets no answer within 2 s counts as an error. Rounds alternate between the
// servers; medians of the rounds are printed. Asserts nothing.
//
// Usage: bench_idle_connections [rounds, default 3]
#include "tests/support/frontend.h"
#include "tests/support/process_memory.h"
#include "tests/support/raw_http.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sys/resource.h>
#include <thread>
#include <vector>

using Clock = std::chrono::steady_clock;
using orchard::test::RawConnection;
using orchard::test::resident_kib;

namespace {

struct Rate {
    double per_second = 0;
    long errors = 0;
};

Rate health_rate(int port) {
    std::atomic<long> done = 0, errors = 0;
    std::atomic<bool> running = true;
    std::vector<std::thread> clients;
    for (int i = 0; i < 8; ++i)
        clients.emplace_back([&] {
            httplib::Client http("127.0.0.1", port);
            http.set_keep_alive(true);
            http.set_connection_timeout(2, 0);
            http.set_read_timeout(2, 0);
            while (running) {
                auto answer = http.Get("/api/v1/health");
                (answer && answer->status == 200 ? done : errors)++;
            }
        });
    const auto start = Clock::now();
    std::this_thread::sleep_for(std::chrono::seconds(3));
    running = false;
    for (auto& client : clients)
        client.join();
    const std::chrono::duration<double> elapsed = Clock::now() - start;
    return {static_cast<double>(done) / elapsed.count(), errors};
}

Rate task_rate(const std::string& base_url, const std::string& key) {
    std::atomic<long> done = 0, errors = 0;
    std::atomic<bool> running = true;
    std::vector<std::thread> users;
    for (int i = 0; i < 8; ++i)
        users.emplace_back([&, i] {
            orchard::test::Frontend frontend(base_url, key);
            const std::string user = "idle-bench-" + std::to_string(i);
            while (running) {
                try {
                    if (!orchard::test::do_one_task(frontend, user).empty()) ++done;
                } catch (const std::exception&) {
                    ++errors; // no answer in time, or a refusal
                }
            }
        });
    const auto start = Clock::now();
    std::this_thread::sleep_for(std::chrono::seconds(5));
    running = false;
    for (auto& user : users)
        user.join();
    const std::chrono::duration<double> elapsed = Clock::now() - start;
    return {static_cast<double>(done) / elapsed.count(), errors};
}

struct Result {
    Rate health;
    Rate tasks;
    double bytes_per_idle_connection = 0;
    int idle_held = 0; // idle connections the server had not closed when the load ended
};

Result measure(const std::string& binary, int idle) {
    orchard::test::TempDir dir;
    const std::string key = orchard::test::create_api_key(dir.path(), true, binary);
    orchard::test::TestServer server(dir.path(), {"--quiet", "--seed", "7"}, binary);
    // Seed prompts so that every user finds work. The users work far faster than people: the
    // rate limits of task requests are lifted so that the server's throughput is measured.
    orchard::test::Frontend seeder(server.base_url(), key);
    const auto configured =
        seeder.put("/api/v1/admin/config", {{"max_active_trees", 100},
                                            {"task_requests_per_user", 1000000},
                                            {"assistant_reply_requests_per_user", 1000000},
                                            {"prompter_reply_requests_per_user", 1000000},
                                            {"task_requests_per_api_client", 100000000}});
    if (configured.status != 200)
        std::printf("  PUT /api/v1/admin/config: %d\n", configured.status);
    for (int i = 0; i < 4; ++i)
        orchard::test::do_one_task(seeder, "seed-" + std::to_string(i), "initial_prompt");

    const long before = resident_kib(server.pid());
    std::vector<RawConnection> held;
    held.reserve(static_cast<size_t>(idle));
    for (int i = 0; i < idle; ++i)
        held.emplace_back(server.port(), "127.0.0." + std::to_string(2 + i % 253));
    std::this_thread::sleep_for(std::chrono::milliseconds(500)); // accepted and settled
    Result result;
    if (idle > 0)
        result.bytes_per_idle_connection =
            static_cast<double>(resident_kib(server.pid()) - before) * 1024.0 / idle;
    result.health = health_rate(server.port());
    result.tasks = task_rate(server.base_url(), key);
    for (auto& connection : held)
        if (connection.connected() && !connection.closed_within(std::chrono::milliseconds(0)))
            ++result.idle_held;
    return result;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);

    std::vector<std::pair<std::string, std::string>> servers = {
        {"this build", ORCHARD_SERVER_BINARY}};
    if (const char* baseline = std::getenv("ORCHARD_BASELINE_SERVER"))
        servers.emplace_back("baseline", baseline);
    else
        std::printf("(ORCHARD_BASELINE_SERVER not set: this build only)\n");

    for (const int idle : {0, 1000, 10000}) {
        std::map<std::string, std::vector<Result>> results;
        for (int round = 0; round < rounds; ++round)
            for (const auto& [name, binary] : servers)
                results[name].push_back(measure(binary, idle));
        for (const auto& [name, binary] : servers) {
            std::vector<double> health, tasks, memory;
            long health_errors = 0, task_errors = 0;
            int held = 0;
            for (const auto& r : results[name]) {
                health.push_back(r.health.per_second);
                tasks.push_back(r.tasks.per_second);
                memory.push_back(r.bytes_per_idle_connection);
                health_errors += r.health.errors;
                task_errors += r.tasks.errors;
                held = std::max(held, r.idle_held);
            }
            std::printf("%-10s idle %5d: health %8.1f req/s (%ld errors), tasks %7.1f cycles/s "
                        "(%ld errors), %6.0f bytes per idle connection, %d idle still open\n",
                        name.c_str(), idle, median(health), health_errors, median(tasks),
                        task_errors, median(memory), held);
            std::fflush(stdout);
        }
    }
    return 0;
}
