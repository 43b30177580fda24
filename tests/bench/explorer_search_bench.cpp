// The data explorer's reads on a large database: full-text search (first page, and the page after
// it) for a word in most messages, a word in few, a phrase and a word in none, and the newest
// trees of a language; each against the Open-Assistant cursor search (GET /messages/cursor,
// newest by creation time) on the same words in the same run. Runs the store's queries on a read
// connection, as the routes do; the answer's JSON is left out. Prints p50 and p99 per query.
//
// Usage: bench_explorer_search [trees, default 74000: about 1,000,000 messages] [runs, default 200]
// ORCHARD_BENCH_DIR=FOLDER keeps the database there (shared with bench_export).
#include "server/store/database.h"
#include "server/store/explorer_store.h"
#include "server/store/message_store.h"
#include "tests/bench/bench_database.h"
#include "tests/bench/percentile.h"
#include "tests/support/temp_dir.h"

#include <cstdio>
#include <functional>

namespace {

using orchard::bench::milliseconds_since;
using orchard::bench::percentile;

struct Timing {
    double p50 = 0, p99 = 0;
};

Timing time_runs(orchard::store::Database& database, int runs,
                 const std::function<void(orchard::store::StatementCache&)>& work) {
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        const auto start = orchard::bench::Clock::now();
        database.read(work);
        samples.push_back(milliseconds_since(start));
    }
    return {percentile(samples, 0.5), percentile(samples, 0.99)};
}

} // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const long trees = argc > 1 ? std::atol(argv[1]) : 74000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 200;
    if (trees <= 0 || runs <= 0) {
        std::fprintf(stderr, "usage: bench_explorer_search [trees] [runs]\n");
        return 2;
    }
    orchard::test::TempDir temp;
    const auto folder = orchard::bench::bench_database(trees, temp.path());
    if (folder.empty()) {
        std::fprintf(stderr, "generating the database failed\n");
        return 1;
    }
    auto database = orchard::store::Database::open(folder / "orchard.db");
    constexpr int kPage = 20;
    struct Query {
        const char* what;
        const char* words;
    };
    const Query queries[] = {{"a word in most messages", "the"},
                             {"a word in few messages", "government"},
                             {"a phrase", "the garden"},
                             {"a word in none", "zyzzyva"}};
    std::printf("%-26s %22s %22s %24s\n", "", "explorer p50 / p99 ms", "next page p50 / p99",
                "OA cursor p50 / p99 ms");
    for (const auto& query : queries) {
        std::optional<std::int64_t> next;
        const auto first = time_runs(*database, runs, [&](orchard::store::StatementCache& s) {
            const auto hits =
                orchard::store::ExplorerStore(s).search(query.words, "", kPage, std::nullopt);
            if (static_cast<int>(hits.size()) == kPage) next = hits.back().seq;
        });
        Timing second{};
        if (next)
            second = time_runs(*database, runs, [&](orchard::store::StatementCache& s) {
                (void)orchard::store::ExplorerStore(s).search(query.words, "", kPage, next);
            });
        const auto baseline =
            time_runs(*database, std::max(1, runs / 10), [&](orchard::store::StatementCache& s) {
                (void)orchard::store::MessageStore(s).search_messages(query.words, kPage,
                                                                      std::nullopt);
            });
        std::printf("%-26s %10.2f / %8.2f %10.2f / %8.2f %11.2f / %9.2f\n", query.what, first.p50,
                    first.p99, second.p50, second.p99, baseline.p50, baseline.p99);
    }
    // The newest trees of a language, first page and a page deep in the list.
    std::optional<std::pair<std::int64_t, std::string>> deep;
    const auto newest = time_runs(*database, runs, [&](orchard::store::StatementCache& s) {
        const auto page = orchard::store::ExplorerStore(s).recent_trees("en", kPage, std::nullopt);
        if (!page.empty())
            deep = std::pair{page.back().tree.created_ms - 30L * 24 * 3600 * 1000,
                             page.back().tree.id};
    });
    const auto older = time_runs(*database, runs, [&](orchard::store::StatementCache& s) {
        (void)orchard::store::ExplorerStore(s).recent_trees("en", kPage, deep);
    });
    std::printf("%-26s %10.2f / %8.2f %10.2f / %8.2f\n", "newest trees, en", newest.p50, newest.p99,
                older.p50, older.p99);
    return 0;
}
