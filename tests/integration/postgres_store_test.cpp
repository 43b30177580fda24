// The PostgreSQL store itself, on the cluster of a PostgreSQL run (tag [postgresql]: these run
// only in that list): what several servers on one database rely on.
#include "server/store/database.h"
#include "server/store/ledger_store.h"
#include "server/store/statement.h"
#include "tests/support/database_query.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_database.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

using orchard::store::Database;
using orchard::store::LedgerStore;
using orchard::store::StatementCache;

TEST_CASE("postgresql store: servers starting together migrate once", "[postgresql]") {
    REQUIRE(orchard::test::on_postgres());
    orchard::test::TempDir dir;
    const std::string url = orchard::test::database_url(dir.path());
    std::vector<std::unique_ptr<Database>> servers(4);
    std::vector<std::thread> starts;
    for (auto& server : servers)
        starts.emplace_back([&] { server = Database::open_data(dir.path(), url); });
    for (auto& start : starts)
        start.join();
    for (const auto& server : servers)
        CHECK(server->schema_version() == 14);
    CHECK(orchard::test::query_int(dir.path(), "SELECT count(*) FROM schema_migrations") == 14);
}

TEST_CASE("postgresql store: writes that collide are run again, and none is lost", "[postgresql]") {
    REQUIRE(orchard::test::on_postgres());
    orchard::test::TempDir dir;
    // Two servers, each with its own connections: every write reads a counter and writes it back
    // one higher, the update SQLite's one writer never loses. Serializable transactions make
    // PostgreSQL refuse the loser of each collision, and the store runs it again.
    auto first = orchard::test::open_database(dir.path());
    auto second = orchard::test::open_database(dir.path());
    constexpr int kThreads = 8, kEach = 40;
    std::atomic<int> runs = 0;
    std::vector<std::thread> writers;
    for (int t = 0; t < kThreads; ++t)
        writers.emplace_back([&, t] {
            Database& database = t % 2 ? *first : *second;
            for (int i = 0; i < kEach; ++i)
                database.write([&](StatementCache& statements) {
                    ++runs;
                    LedgerStore ledger(statements);
                    const int count = std::stoi(ledger.state("counter").value_or("0"));
                    ledger.set_state("counter", std::to_string(count + 1));
                });
        });
    for (auto& writer : writers)
        writer.join();
    CHECK(orchard::test::query_text(dir.path(),
                                    "SELECT value FROM rewards_state WHERE key = 'counter'") ==
          std::to_string(kThreads * kEach));
    INFO(runs - kThreads * kEach << " writes were run again");
    CHECK(runs > kThreads * kEach); // the collisions happened, and were resolved
}

TEST_CASE("postgresql store: a read-only connection refuses to write", "[postgresql]") {
    REQUIRE(orchard::test::on_postgres());
    orchard::test::TempDir dir;
    auto database = orchard::test::open_database(dir.path());
    CHECK_THROWS_AS(database->read([](StatementCache& statements) {
        LedgerStore(statements).set_state("x", "1");
    }),
                    orchard::store::DatabaseError);
    CHECK(orchard::test::query_int(dir.path(),
                                   "SELECT count(*) FROM rewards_state WHERE key = 'x'") == 0);
}
