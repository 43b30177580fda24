// Rewards at scale (issue 6's benchmarks). Generates a database of U users (default 100,000) and
// L ledger rows (default 5,000,000) spread over the last 60 days, skewed towards a few very active
// users, with every time frame's counts built from it as the live leaderboards keep them. Then:
//  1. the cost of one ledger event (Rewards::record in its own write, as a request does it) on
//     that database, against the same on an empty database in the same run;
//  2. GET /api/v1/leaderboards/total?max_count=100 requests per second at 8 keep-alive
//     connections on the real `orchard serve`, against GET /api/v1/health in the same rounds
//     (target: at least half of it).
// Prints medians of several rounds and the ratios; asserts nothing about time.
//
// Usage: bench_rewards [users, default 100000] [ledger rows, default 5000000]
#include "server/domain/ids.h"
#include "server/domain/rewards.h"
#include "server/store/database.h"
#include "server/store/ledger_store.h"
#include "server/store/statement.h"
#include "server/store/tree_store.h"
#include "tests/bench/percentile.h"
#include "tests/support/frontend.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <httplib.h>
#include <map>
#include <random>
#include <thread>
#include <vector>

using namespace orchard;
using Clock = std::chrono::steady_clock;

using orchard::bench::percentile;

namespace {

constexpr std::int64_t kDayMs = domain::kDayMs;
constexpr int kConnections = 8;
constexpr int kRounds = 5;
constexpr auto kRoundLength = std::chrono::seconds(3);

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// User i acts with probability falling like 1/sqrt(i), as on crowd-sourcing sites.
size_t skewed(std::mt19937_64& rng, size_t count) {
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return std::min(count - 1, static_cast<size_t>(u * u * static_cast<double>(count)));
}

std::vector<std::string> generate(store::Database& database, int users, long rows,
                                  std::int64_t now) {
    std::mt19937_64 rng(7);
    std::vector<std::string> ids;
    {
        store::Database::Transaction transaction(database);
        store::TreeStore store(transaction.statements());
        for (int i = 0; i < users; ++i) {
            ids.push_back(domain::new_uuid());
            store.insert_user({ids.back(), std::nullopt, "local", "u" + std::to_string(i),
                               "User u" + std::to_string(i)},
                              now - 90 * kDayMs);
        }
        transaction.commit();
    }
    // Ledger rows in time order, as they are written.
    std::uniform_int_distribution<int> kind(0, domain::kPointKindCount - 1);
    const domain::TreeManagerConfig config;
    const long per_transaction = 100000;
    for (long done = 0; done < rows;) {
        store::Database::Transaction transaction(database);
        for (long i = 0; i < per_transaction && done < rows; ++i, ++done) {
            const auto k = kind(rng);
            const std::int64_t at = now - 60 * kDayMs + (60 * kDayMs) * done / rows;
            // From the connection's cache: prepared once, reset after each use.
            store::Statement(transaction.statements(),
                             "INSERT INTO ledger (user_id, kind, points, message_id, created_ms) "
                             "VALUES (?, ?, ?, NULL, ?)")
                .bind_all(ids[skewed(rng, ids.size())], k,
                          domain::weight(config, static_cast<domain::PointKind>(k)), at)
                .run();
        }
        transaction.commit();
    }
    // Every frame's counts from the ledger, and each rolling frame's cursor at its edge.
    store::Database::Transaction transaction(database);
    store::LedgerStore ledger(transaction.statements());
    domain::Rewards rewards(transaction.statements(), config, now);
    for (const auto frame : domain::kTimeFrames) {
        const auto span = domain::frame_span_ms(frame);
        const std::int64_t after = span ? now - *span : -1;
        for (const auto& [user, counts] : ledger.counts_between(after, now))
            ledger.save_frame_counts(frame, user, counts, domain::score_of(counts, config));
        if (span) {
            store::Statement last(transaction.db(),
                                  "SELECT created_ms, id FROM ledger WHERE created_ms <= ? "
                                  "ORDER BY created_ms DESC, id DESC LIMIT 1");
            last.bind_all(after);
            if (last.step())
                ledger.set_frame_cursor(frame, {last.column_int(0), last.column_int(1)});
        }
    }
    transaction.commit();
    return ids;
}

// Median and p99 of one ledger event, each in its own write as a request does it; the clock
// moves on 50 ms per event, so rolling frames let old events go as they would.
std::pair<double, double> event_cost(store::Database& database,
                                     const std::vector<std::string>& users, std::int64_t now,
                                     int events) {
    std::mt19937_64 rng(11);
    std::uniform_int_distribution<int> kind(0, domain::kPointKindCount - 1);
    const domain::TreeManagerConfig config;
    std::vector<double> micros;
    for (int i = 0; i < events; ++i) {
        const auto& user = users[skewed(rng, users.size())];
        const auto k = static_cast<domain::PointKind>(kind(rng));
        const std::int64_t at = now + 50LL * i;
        const auto start = Clock::now();
        database.write([&](store::StatementCache& statements) {
            domain::Rewards(statements, config, at).record(user, k, std::nullopt);
        });
        micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    }
    return {median(micros), percentile(micros, 0.99)};
}

double requests_per_second(int port, const std::string& path, const std::string& key,
                           long& errors) {
    std::atomic<long> completed = 0;
    std::atomic<long> failed = 0;
    std::atomic<bool> running = true;
    std::vector<std::thread> workers;
    for (int i = 0; i < kConnections; ++i)
        workers.emplace_back([&] {
            httplib::Client client("127.0.0.1", port);
            client.set_keep_alive(true);
            while (running) {
                auto response = client.Get(path, {{"X-API-Key", key}});
                if (response && response->status == 200)
                    ++completed;
                else
                    ++failed;
            }
        });
    const auto start = Clock::now();
    std::this_thread::sleep_for(kRoundLength);
    running = false;
    for (auto& worker : workers)
        worker.join();
    errors += failed;
    return static_cast<double>(completed) /
           std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv) {
    const int users = argc > 1 ? std::atoi(argv[1]) : 100000;
    const long rows = argc > 2 ? std::atol(argv[2]) : 5000000;
    const std::int64_t now = domain::now_ms();

    test::TempDir empty_dir;
    test::TempDir big_dir;
    std::vector<std::string> few_users, many_users;
    {
        auto empty = store::Database::open(empty_dir.path() / "orchard.db");
        few_users = generate(*empty, 100, 0, now);
        auto big = store::Database::open(big_dir.path() / "orchard.db");
        const auto start = Clock::now();
        many_users = generate(*big, users, rows, now);
        std::printf("generated %d users and %ld ledger rows with every frame's counts in %.0f s "
                    "(database %.0f MB)\n",
                    users, rows, std::chrono::duration<double>(Clock::now() - start).count(),
                    static_cast<double>(std::filesystem::file_size(big_dir.path() / "orchard.db")) /
                        1e6);

        std::vector<double> empty_medians, big_medians, big_p99s;
        for (int round = 0; round < kRounds; ++round) {
            const auto [e, e99] = event_cost(*empty, few_users, now + round * 100000, 1000);
            const auto [b, b99] = event_cost(*big, many_users, now + round * 100000, 1000);
            empty_medians.push_back(e);
            big_medians.push_back(b);
            big_p99s.push_back(b99);
            std::printf("round %d: one ledger event %.0f µs (p99 %.0f µs) on the big database, "
                        "%.0f µs (p99 %.0f µs) on an empty one\n",
                        round + 1, b, b99, e, e99);
        }
        std::printf(
            "\nOne ledger event (record + 4 frames + streak + expiry + leader check, in its "
            "own write), median of %d rounds of 1000:\n",
            kRounds);
        std::printf("  %d users, %ld ledger rows: %8.0f µs (p99 %.0f µs)\n", users, rows,
                    median(big_medians), median(big_p99s));
        std::printf("  empty database:            %8.0f µs  (big = %.2fx)\n\n",
                    median(empty_medians), median(big_medians) / median(empty_medians));
    }

    const std::string key = test::create_api_key(big_dir.path(), false);
    test::TestServer server(big_dir.path(), {"--quiet"});
    long errors = 0;
    std::vector<double> board_rps, health_rps;
    for (int round = 0; round < kRounds; ++round) {
        const double health = requests_per_second(server.port(), "/api/v1/health", key, errors);
        const double board = requests_per_second(
            server.port(), "/api/v1/leaderboards/total?max_count=100", key, errors);
        health_rps.push_back(health);
        board_rps.push_back(board);
        std::printf("round %d: leaderboard (100 entries) %.0f/s, health %.0f/s\n", round + 1, board,
                    health);
    }
    std::printf("\nGET /api/v1/leaderboards/total?max_count=100 at %d connections on %d users: "
                "%.0f req/s; /api/v1/health %.0f req/s; ratio %.2f (target at least 0.5)\n",
                kConnections, users, median(board_rps), median(health_rps),
                median(board_rps) / median(health_rps));
    std::printf("failed requests: %ld\n", errors);
    return errors == 0 ? 0 : 1;
}
