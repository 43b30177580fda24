// store::install_page_cache: SQLite's page cache without the walk of the whole cache at every
// commit. The commits of random-key inserts (which make B-tree balances swap page numbers) skip
// it, and the drops that matter still reach SQLite's cache: those after a rolled-back
// transaction or savepoint that grew the file. (SQLite gives a page it adds to the file fresh
// content, so a page wrongly left behind need not show in the data; the counters show where
// each drop went, and the data and integrity checks that nothing was lost or damaged.)
#include "server/store/database.h"
#include "server/store/page_cache.h"
#include "server/store/statement.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>

using namespace orchard::store;

namespace {

// Keys in random order, as the UUIDs of messages and tasks are: inserts land all over the index
// and split its pages.
std::string random_key(std::mt19937_64& rng) {
    return std::to_string(rng()) + "-" + std::to_string(rng());
}

void insert_rows(Database& database, std::mt19937_64& rng, int transactions, int rows_each,
                 const std::string& value) {
    for (int t = 0; t < transactions; ++t)
        database.write([&](StatementCache& statements) {
            for (int r = 0; r < rows_each; ++r)
                Statement(statements, "INSERT INTO server_meta (key, value) VALUES (?, ?)")
                    .bind_all(random_key(rng), value)
                    .run();
        });
}

std::string single_text(Database& database, const char* sql) {
    std::string text;
    database.write([&](StatementCache& statements) {
        Statement query(statements, sql);
        REQUIRE(query.step());
        text = query.column_text(0);
    });
    return text;
}

std::int64_t count_with_value(Database& database, const std::string& value) {
    std::int64_t rows = -1;
    database.write([&](StatementCache& statements) {
        Statement count(statements, "SELECT count(*) FROM server_meta WHERE value = ?");
        count.bind_all(value);
        REQUIRE(count.step());
        rows = count.column_int(0);
    });
    return rows;
}

} // namespace

TEST_CASE("page cache: installed before SQLite starts") {
    CHECK(install_page_cache());
}

TEST_CASE("page cache: commits after page splits skip the walk of the cache") {
    orchard::test::TempDir dir;
    auto database = Database::open(dir.path() / "orchard.db");
    std::mt19937_64 rng(11);
    const PageCacheCounters before = page_cache_counters();
    constexpr int kCommits = 400;
    insert_rows(*database, rng, kCommits, 25, std::string(300, 'x'));
    const PageCacheCounters after = page_cache_counters();
    const long skipped = after.truncates_skipped - before.truncates_skipped;
    const long passed = after.truncates_passed - before.truncates_passed;
    // Without the wrapper neither counter moves; with SQLite's own bookkeeping every commit
    // after the first balance swap would walk the cache.
    CHECK(skipped >= kCommits * 9 / 10);
    CHECK(passed < kCommits / 10);
    CHECK(count_with_value(*database, std::string(300, 'x')) == kCommits * 25);
    CHECK(single_text(*database, "PRAGMA integrity_check") == "ok");
}

TEST_CASE("page cache: a rolled-back growth leaves no page behind") {
    orchard::test::TempDir dir;
    auto database = Database::open(dir.path() / "orchard.db");
    std::mt19937_64 rng(12);
    insert_rows(*database, rng, 50, 20, "kept");
    const long passed_before = page_cache_counters().truncates_passed;

    // A whole transaction that grows the file by hundreds of pages, rolled back.
    {
        Database::Transaction transaction(*database);
        for (int r = 0; r < 3000; ++r)
            Statement(transaction.statements(),
                      "INSERT INTO server_meta (key, value) VALUES (?, ?)")
                .bind_all(random_key(rng), std::string(500, 'g'))
                .run();
    } // rolled back
    CHECK(page_cache_counters().truncates_passed > passed_before);

    // A request's savepoint that grows the file, rolled back inside a committed batch, as
    // Database::write does with a request that fails.
    CHECK_THROWS(database->write([&](StatementCache& statements) {
        for (int r = 0; r < 3000; ++r)
            Statement(statements, "INSERT INTO server_meta (key, value) VALUES (?, ?)")
                .bind_all(random_key(rng), std::string(500, 's'))
                .run();
        throw std::runtime_error("the request fails");
    }));

    // The file grows again over the same page numbers.
    insert_rows(*database, rng, 60, 50, std::string(400, 'n'));
    CHECK(count_with_value(*database, "kept") == 50 * 20);
    CHECK(count_with_value(*database, std::string(500, 'g')) == 0);
    CHECK(count_with_value(*database, std::string(500, 's')) == 0);
    CHECK(count_with_value(*database, std::string(400, 'n')) == 60 * 50);
    CHECK(single_text(*database, "PRAGMA integrity_check") == "ok");
}
