// How Orchard's task handout scales with a large database. Generates N conversation trees
// (default 100,000, about 13.5 messages each: ~1,000,000 messages, ~3 reviews per message,
// rankings) in the states a long-running deployment has (most trees ready_for_export or aborted, a
// few hundred per language in en and de under review, waiting, growing or ranking), writing only
// through store::TreeStore, many inserts per transaction. Prints the generation time (split by
// kind of insert) and the database size, then starts the real `orchard serve` on that folder and
// measures the latency of random task requests from many different existing users (each task is
// acked and skipped so the pending-task cap is never hit), sequentially and with 8 concurrent
// frontends. Contributions and requests are skewed towards a few very active users, as on any
// crowd-sourcing site. Finally times the store's candidate queries directly to show which ones
// dominate, and how they depend on the requesting user's own history.
// The figure to report against: p99 of a task request under 10 ms. Asserts nothing about time;
// exits with 1 when a request failed.
//
// Usage: bench_big_db [trees, default 100000] [task requests, default 1000]
//                     [page cache MB for the generator, default 0: the server's own 256 MB]
#include "server/api/api_keys.h"
#include "server/domain/task_service.h"
#include "server/store/database.h"
#include "server/store/sqlite.h"
#include "server/store/tree_store.h"
#include "tests/bench/bench_client.h"
#include "tests/bench/big_db_generator.h"
#include "tests/bench/percentile.h"
#include "tests/support/frontend.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

using orchard::test::ApiAnswer;
using orchard::test::Frontend;

// The generator's helpers (milliseconds_since, skewed_user, Clock, ...) and percentile.
using namespace orchard::bench;

namespace {

struct Latencies {
    std::vector<double> request_ms, ack_ms, nack_ms;
    std::map<std::string, std::vector<double>> by_type;
    long no_task = 0, errors = 0;
    std::vector<std::string> error_examples;
};

// One frontend asking for random tasks for randomly chosen existing users, acking and skipping
// each one (a skip is what keeps the pending-task count at zero).
void ask_for_tasks(const std::string& base_url, const std::string& key, int users, int requests,
                   std::uint64_t seed, Latencies& out) {
    orchard::bench::BenchClient frontend(base_url, key);
    std::mt19937_64 rng(seed);
    for (int i = 0; i < requests; ++i) {
        const std::string user = "u" + std::to_string(skewed_user(rng, static_cast<size_t>(users)));
        const std::string lang = rng() % 10 < 7 ? "en" : "de";
        auto start = Clock::now();
        const ApiAnswer task = frontend.request_task(user, "random", lang);
        const double elapsed = milliseconds_since(start);
        out.request_ms.push_back(elapsed);
        if (task.status == 503 && task.error_code() == 1006) {
            ++out.no_task;
            continue;
        }
        if (task.status != 200) {
            ++out.errors;
            if (out.error_examples.size() < 5)
                out.error_examples.push_back("request task for " + user + " (" + lang +
                                             ") -> HTTP " + std::to_string(task.status) + " " +
                                             task.body.dump().substr(0, 300));
            continue;
        }
        out.by_type[task.body.value("type", "?")].push_back(elapsed);
        const std::string task_id = task.body.value("id", "");
        start = Clock::now();
        const ApiAnswer ack = frontend.ack(user, task_id, "bench-" + task_id);
        out.ack_ms.push_back(milliseconds_since(start));
        start = Clock::now();
        const ApiAnswer nack = frontend.nack(user, task_id);
        out.nack_ms.push_back(milliseconds_since(start));
        if (ack.status != 204 || nack.status != 204) {
            ++out.errors;
            if (out.error_examples.size() < 5)
                out.error_examples.push_back(
                    "ack/nack of " + task_id + " -> HTTP " + std::to_string(ack.status) + "/" +
                    std::to_string(nack.status) + " " + ack.body.dump().substr(0, 200) + " " +
                    nack.body.dump().substr(0, 200));
        }
    }
}

void print_latency(const char* name, std::vector<double> values) {
    std::sort(values.begin(), values.end());
    std::printf("    %-44s %6zu %8.2f %8.2f %8.2f %8.2f\n", name, values.size(),
                percentile(values, 0.5), percentile(values, 0.95), percentile(values, 0.99),
                values.empty() ? 0.0 : values.back());
}

void print_latencies(const Latencies& result) {
    std::printf("    %-44s %6s %8s %8s %8s %8s\n", "latency (ms)", "count", "p50", "p95", "p99",
                "max");
    print_latency("POST /api/v1/tasks/ (random, all answers)", result.request_ms);
    for (const auto& [type, values] : result.by_type)
        print_latency(("  of which " + type).c_str(), values);
    print_latency("POST /api/v1/tasks/{id}/ack", result.ack_ms);
    print_latency("POST /api/v1/tasks/{id}/nack", result.nack_ms);
    std::vector<double> sorted = result.request_ms;
    std::sort(sorted.begin(), sorted.end());
    const double p99 = percentile(sorted, 0.99);
    std::printf("    task request p99 %.2f ms: %s the 10 ms target\n", p99,
                p99 < 10.0 ? "within" : "OVER");
    std::printf("    no task available (503): %ld, errors: %ld\n", result.no_task, result.errors);
    for (const auto& example : result.error_examples)
        std::printf("      %s\n", example.c_str());
}

// Times the store calls a task request makes, directly on the database, for many users: a cheap
// way to see which query dominates the request.
// With `server_settings` the connection is set up as the server's (store::
// apply_connection_settings), else it keeps SQLite's defaults (2 MB page cache, no memory map),
// to show what the settings change. The first 50 users only warm the caches.
void profile_queries(const std::filesystem::path& file, const std::string& api_client_id, int users,
                     std::int64_t now_ms, bool server_settings, long heaviest_messages) {
    constexpr int kLimit = orchard::domain::TaskService::kCandidateLimit; // as the server asks
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        std::printf("cannot open %s\n", file.c_str());
        sqlite3_close(db);
        return;
    }
    if (server_settings) orchard::store::apply_connection_settings(db);
    TreeStore store(db);
    std::mt19937_64 rng(7);
    std::map<std::string, std::vector<double>> timings;
    std::map<std::string, size_t> rows;
    constexpr int kWarmUp = 50;
    int i = 0;
    // Times one call; candidate queries return their row count, the others 0.
    auto measure = [&](const char* name, const std::function<size_t()>& call) {
        const auto start = Clock::now();
        const size_t count = call();
        if (i < kWarmUp) return;
        timings[name].push_back(milliseconds_since(start));
        rows[name] += count;
    };
    for (; i < kWarmUp + 300; ++i) {
        const std::string lang = i % 10 < 7 ? "en" : "de";
        const auto user = store.find_frontend_user(
            api_client_id, "local",
            "u" + std::to_string(skewed_user(rng, static_cast<size_t>(users))));
        if (!user) continue;
        // What the server passes: open tasks and reply tasks of the last 300 s.
        const std::int64_t since = now_ms - 300 * 1000;
        measure("find_frontend_user", [&] {
            (void)store.find_frontend_user(api_client_id, "local", user->external_id);
            return size_t{0};
        });
        measure("load_config", [&] { return store.load_config().size() * 0; });
        measure("count_open_tasks", [&] {
            (void)store.count_open_tasks(user->id, since);
            return size_t{0};
        });
        measure("count_trees x2", [&] {
            (void)store.count_trees("initial_prompt_review", lang);
            (void)store.count_trees("prompt_lottery_waiting", lang);
            return size_t{0};
        });
        measure("reply_candidates",
                [&] { return store.reply_candidates(lang, user->id, since, 1, kLimit).size(); });
        measure("prompt_review_candidates", [&] {
            return store.prompt_review_candidates(lang, user->id, now_ms, 3, kLimit).size();
        });
        measure("reply_review_candidates", [&] {
            return store.reply_review_candidates(lang, user->id, now_ms, 3, kLimit).size();
        });
        measure("ranking_candidates",
                [&] { return store.ranking_candidates(lang, user->id, now_ms, 3, kLimit).size(); });
    }
    // The same candidate queries for the most active user and for someone who wrote nothing:
    // what a contributor's own history adds to each of their task requests.
    std::map<std::string, std::array<double, 2>> by_history;
    const auto heaviest = store.find_frontend_user(api_client_id, "local", "u0");
    const std::int64_t since = now_ms - 300 * 1000;
    for (int who = 0; who < 2 && heaviest; ++who) {
        const std::string user_id = who == 0 ? heaviest->id : "someone-who-wrote-nothing";
        const std::vector<std::pair<const char*, std::function<void()>>> calls = {
            {"reply_candidates",
             [&] { (void)store.reply_candidates("en", user_id, since, 1, kLimit); }},
            {"prompt_review_candidates",
             [&] { (void)store.prompt_review_candidates("en", user_id, now_ms, 3, kLimit); }},
            {"reply_review_candidates",
             [&] { (void)store.reply_review_candidates("en", user_id, now_ms, 3, kLimit); }},
            {"ranking_candidates",
             [&] { (void)store.ranking_candidates("en", user_id, now_ms, 3, kLimit); }}};
        for (const auto& [name, call] : calls) {
            // Few rounds: for a very active user one call can take seconds.
            constexpr int kRounds = 3;
            call(); // warm
            const auto start = Clock::now();
            for (int n = 0; n < kRounds; ++n)
                call();
            by_history[name][static_cast<size_t>(who)] = milliseconds_since(start) / kRounds;
        }
    }
    sqlite3_close_v2(db); // closes once the store's statements are finalized
    std::printf("\n  store calls of one task request, timed directly (300 users, en/de), %s:\n",
                server_settings ? "the server's connection settings"
                                : "SQLite's defaults (2 MB page cache, no memory map)");
    std::printf("    %-28s %8s %8s %8s %12s\n", "call", "mean ms", "p50", "p99", "rows (mean)");
    for (auto& [name, values] : timings) {
        std::sort(values.begin(), values.end());
        const double mean =
            std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
        std::printf("    %-28s %8.3f %8.3f %8.3f %12zu\n", name.c_str(), mean,
                    percentile(values, 0.5), percentile(values, 0.99), rows[name] / values.size());
    }
    std::printf("    %-28s %14s %14s\n", "mean ms, en",
                ("user with " + std::to_string(heaviest_messages) + " msgs").c_str(),
                "user with none");
    for (const auto& [name, ms] : by_history)
        std::printf("    %-28s %14.3f %14.3f\n", name.c_str(), ms[0], ms[1]);
}

} // namespace

int main(int argc, char** argv) {
    // Progress lines show up as they happen when the output goes to a file or a pipe.
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const long trees = argc > 1 ? std::atol(argv[1]) : 100000;
    const int requests = argc > 2 ? std::atoi(argv[2]) : 1000;
    const long cache_mb = argc > 3 ? std::atol(argv[3]) : 0;
    if (trees <= 0 || requests <= 0 || cache_mb < 0) {
        std::fprintf(stderr, "usage: bench_big_db [trees, default 100000] [requests, default "
                             "1000] [generator page cache MB, default 0: the server's 256 MB]\n");
        return 2;
    }
    orchard::test::TempDir dir;
    const std::filesystem::path file = dir.path() / "orchard.db";
    // The real command creates the database and the API client the users belong to.
    const std::string key = orchard::test::create_api_key(dir.path(), /*trusted=*/false);
    long errors = 0;
    const auto generated = orchard::bench::generate_big_db(dir.path(), key, trees, cache_mb);
    const std::string& api_client_id = generated.api_client_id;
    const int users = generated.users;
    const long heaviest_messages = generated.heaviest_messages;
    const std::int64_t now = generated.now;
    std::printf("(no rows for historic tasks: the task queries only read open or recent tasks)\n");

    {
        const auto start = Clock::now();
        orchard::test::TestServer server(dir.path(), {"--quiet", "--seed", "1"});
        std::printf("\nserver started on the generated database in %.0f ms\n",
                    milliseconds_since(start));
        Latencies warmup;
        ask_for_tasks(server.base_url(), key, users, 20, 1, warmup);
        std::printf("  warm-up: 20 requests, slowest %.2f ms (not counted)\n",
                    *std::max_element(warmup.request_ms.begin(), warmup.request_ms.end()));

        Latencies sequential;
        ask_for_tasks(server.base_url(), key, users, requests, 2, sequential);
        std::printf("\n  %d random task requests, one frontend, one at a time:\n", requests);
        print_latencies(sequential);

        constexpr int kFrontends = 8;
        std::vector<Latencies> parts(kFrontends);
        std::vector<std::thread> threads;
        for (int i = 0; i < kFrontends; ++i)
            threads.emplace_back([&, i] {
                ask_for_tasks(server.base_url(), key, users, requests / kFrontends,
                              static_cast<std::uint64_t>(100 + i), parts[static_cast<size_t>(i)]);
            });
        for (auto& thread : threads)
            thread.join();
        Latencies concurrent;
        for (auto& part : parts) {
            concurrent.request_ms.insert(concurrent.request_ms.end(), part.request_ms.begin(),
                                         part.request_ms.end());
            concurrent.ack_ms.insert(concurrent.ack_ms.end(), part.ack_ms.begin(),
                                     part.ack_ms.end());
            concurrent.nack_ms.insert(concurrent.nack_ms.end(), part.nack_ms.begin(),
                                      part.nack_ms.end());
            for (auto& [type, values] : part.by_type)
                concurrent.by_type[type].insert(concurrent.by_type[type].end(), values.begin(),
                                                values.end());
            concurrent.no_task += part.no_task;
            concurrent.errors += part.errors;
            for (auto& example : part.error_examples)
                if (concurrent.error_examples.size() < 5)
                    concurrent.error_examples.push_back(example);
        }
        std::printf("\n  %d random task requests, %d concurrent frontends:\n",
                    requests / kFrontends * kFrontends, kFrontends);
        print_latencies(concurrent);
        errors = sequential.errors + concurrent.errors;
    }
    profile_queries(file, api_client_id, users, now, /*server_settings=*/true, heaviest_messages);
    // What the server's page cache and memory map change.
    profile_queries(file, api_client_id, users, now, /*server_settings=*/false, heaviest_messages);
    // Like bench_http_health: figures are never judged, but failed requests are worth a look.
    return errors == 0 ? 0 : 1;
}
