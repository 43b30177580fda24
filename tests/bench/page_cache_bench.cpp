// The cost of a commit once the writing connection's page cache is full, as in a server that has
// run for a while, with Orchard's page cache (server/store/page_cache.cpp) and with SQLite's own.
// Each run fills a fresh database through store::Database with rows under random keys (as
// messages and tasks have) until the written pages fill the 256 MiB cache, then times single-row
// write requests (Database::write: one row, one commit each). The two caches run in alternation,
// each in a process of its own, since SQLite takes its page cache only before it starts.
// Prints per run the median, p95 and p99 of a request and the pages held, then the medians of
// the runs' p95 and p99 and their ratios. Only commits after a B-tree balance that swapped page
// numbers walk SQLite's cache, so the walk shows in the tail, not in the median. (The mean is
// left out: the checkpointer's rare WAL restarts, tens of milliseconds each, dominate it.)
// Asserts nothing about time.
//
// Usage: bench_page_cache [runs per cache, default 3] [requests per run, default 3000]
//        (bench_page_cache --one orchard|sqlite N: one run, used by the above)
#include "server/store/database.h"
#include "server/store/page_cache.h"
#include "server/store/sqlite.h"
#include "server/store/wal_checkpointer.h"
#include "tests/bench/percentile.h"
#include "tests/support/temp_dir.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <vector>

using Clock = std::chrono::steady_clock;
using orchard::store::Database;
using orchard::store::Statement;
using orchard::store::StatementCache;

using orchard::bench::percentile;

namespace {

// Rows written before measuring: about 400 MB of table and index pages, more than the cache
// holds, so that it is full, and less than 1 GiB, where the balance's borrowed page number lies.
constexpr int kFillRows = 600'000;
constexpr int kRowsPerFillTransaction = 5'000;

std::string random_key(std::mt19937_64& rng) {
    return std::to_string(rng()) + "-" + std::to_string(rng());
}

// A row as a message is: a random key and two more indexed columns, as random.
void insert_row(StatementCache& statements, std::mt19937_64& rng, const std::string& value) {
    Statement(statements, "INSERT INTO rows (key, a, b, value) VALUES (?, ?, ?, ?)")
        .bind_all(random_key(rng), random_key(rng), random_key(rng), value)
        .run();
}

// One run in this process; prints "result <median µs> <p95 µs> <p99 µs> <pages held>".
int run_one(bool sqlite_cache, int requests) {
    if (sqlite_cache && !orchard::store::use_sqlite_page_cache()) {
        std::fprintf(stderr, "cannot put SQLite's page cache back\n");
        return 1;
    }
    orchard::test::TempDir dir;
    auto database = Database::open(dir.path() / "orchard.db");
    // As in the server: checkpoints on a thread of their own, not inside a measured commit.
    orchard::store::WalCheckpointer checkpointer(*database);
    database->write([](StatementCache& statements) {
        Statement(statements, "CREATE TABLE rows (key TEXT PRIMARY KEY, a TEXT NOT NULL, "
                              "b TEXT NOT NULL, value TEXT NOT NULL)")
            .run();
        Statement(statements, "CREATE INDEX rows_a ON rows (a)").run();
        Statement(statements, "CREATE INDEX rows_b ON rows (b)").run();
    });
    std::mt19937_64 rng(5);
    const std::string value(300, 'v');
    for (int written = 0; written < kFillRows; written += kRowsPerFillTransaction)
        database->write([&](StatementCache& statements) {
            for (int i = 0; i < kRowsPerFillTransaction; ++i)
                insert_row(statements, rng, value);
        });
    std::vector<double> micros;
    micros.reserve(static_cast<size_t>(requests));
    for (int i = 0; i < requests; ++i) {
        const auto start = Clock::now();
        database->write([&](StatementCache& statements) { insert_row(statements, rng, value); });
        micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    }
    int pages = 0; // about: the cache's bytes over the page size, its own overhead included
    {
        Database::Transaction transaction(*database);
        int current = 0, highwater = 0;
        sqlite3_db_status(transaction.db(), SQLITE_DBSTATUS_CACHE_USED, &current, &highwater, 0);
        pages = current / 4096;
    }
    std::printf("result %.1f %.1f %.1f %d\n", percentile(micros, 0.5), percentile(micros, 0.95),
                percentile(micros, 0.99), pages);
    return 0;
}

struct RunResult {
    double median_us = 0, p95_us = 0, p99_us = 0;
    long pages = 0;
};

RunResult run_child(const char* self, const char* cache, int requests) {
    const std::string command =
        std::string(self) + " --one " + cache + " " + std::to_string(requests);
    FILE* pipe = popen(command.c_str(), "r");
    RunResult result;
    if (!pipe) return result;
    std::array<char, 256> line{};
    while (std::fgets(line.data(), line.size(), pipe))
        std::sscanf(line.data(), "result %lf %lf %lf %ld", &result.median_us, &result.p95_us,
                    &result.p99_us, &result.pages);
    pclose(pipe);
    return result;
}

} // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    if (argc == 4 && std::string(argv[1]) == "--one")
        return run_one(std::string(argv[2]) == "sqlite", std::atoi(argv[3]));
    const int runs = argc > 1 ? std::atoi(argv[1]) : 3;
    const int requests = argc > 2 ? std::atoi(argv[2]) : 3000;
    if (runs <= 0 || requests <= 0) {
        std::fprintf(stderr, "usage: bench_page_cache [runs per cache] [requests per run]\n");
        return 2;
    }
    std::printf("One-row write requests after %d rows under random keys (cache full), %d per run\n",
                kFillRows, requests);
    std::map<std::string, std::vector<double>> p95, p99;
    for (int run = 1; run <= runs; ++run)
        for (const char* cache : {"sqlite", "orchard"}) {
            const RunResult r = run_child(argv[0], cache, requests);
            if (r.median_us <= 0) {
                std::fprintf(stderr, "run with the %s cache failed\n", cache);
                return 1;
            }
            std::printf("  run %d, %-7s page cache: request median %6.1f us, p95 %7.1f us, "
                        "p99 %7.1f us, about %ld pages cached\n",
                        run, cache, r.median_us, r.p95_us, r.p99_us, r.pages);
            p95[cache].push_back(r.p95_us);
            p99[cache].push_back(r.p99_us);
        }
    for (auto* figures : {&p95, &p99}) {
        const double sqlite_us = percentile((*figures)["sqlite"], 0.5);
        const double orchard_us = percentile((*figures)["orchard"], 0.5);
        std::printf("median of the runs' %s: SQLite's cache %.1f us, Orchard's %.1f us; "
                    "ratio %.2f\n",
                    figures == &p95 ? "p95" : "p99", sqlite_us, orchard_us, orchard_us / sqlite_us);
    }
    return 0;
}
