// Database::read: read-only connections beside the one writing connection. A read sees the last
// commit, keeps its own snapshot while the writer goes on, never holds the writer up, and cannot
// write.
#include "server/store/database.h"
#include "server/store/read_connections.h"
#include "server/store/statement.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

using namespace orchard::store;

namespace {

void insert(Database& database, const std::string& key) {
    database.write([&](StatementCache& statements) {
        Statement(statements, "INSERT INTO server_meta (key, value) VALUES (?, 'v')")
            .bind_all(key)
            .run();
    });
}

std::int64_t count_rows(StatementCache& statements) {
    Statement count(statements, "SELECT count(*) FROM server_meta WHERE key LIKE 'row %'");
    count.step();
    return count.column_int(0);
}

std::int64_t read_count(Database& database) {
    std::int64_t rows = -1;
    database.read([&](StatementCache& statements) { rows = count_rows(statements); });
    return rows;
}

} // namespace

TEST_CASE("read connections: a read sees every commit before it") {
    orchard::test::TempDir dir;
    auto database = Database::open(dir.path() / "orchard.db");
    CHECK(read_count(*database) == 0);
    for (int i = 1; i <= 20; ++i) {
        insert(*database, "row " + std::to_string(i));
        REQUIRE(read_count(*database) == i);
    }
}

TEST_CASE("read connections: a read keeps its snapshot and does not hold the writer up") {
    orchard::test::TempDir dir;
    auto database = Database::open(dir.path() / "orchard.db");
    insert(*database, "row 1");
    std::promise<void> read_started;
    std::promise<void> write_done;
    auto write_done_future = write_done.get_future();
    std::int64_t before = -1;
    std::int64_t after = -1;
    std::thread reader([&] {
        database->read([&](StatementCache& statements) {
            before = count_rows(statements);
            read_started.set_value();
            // The writer commits while this read transaction is open.
            write_done_future.wait();
            after = count_rows(statements);
        });
    });
    read_started.get_future().wait();
    auto writer = std::async(std::launch::async, [&] { insert(*database, "row 2"); });
    // A writer waiting for the reader would never finish: the reader waits for it.
    const bool finished = writer.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
    CHECK(finished);
    write_done.set_value();
    reader.join();
    if (finished) writer.get();
    CHECK(before == 1);
    CHECK(after == 1); // its own snapshot, not the row committed meanwhile
    CHECK(read_count(*database) == 2);
}

TEST_CASE("read connections: a read cannot write, and a refusal leaves the connection usable") {
    orchard::test::TempDir dir;
    auto database = Database::open(dir.path() / "orchard.db");
    CHECK_THROWS_AS(database->read([](StatementCache& statements) {
        Statement(statements, "INSERT INTO server_meta (key, value) VALUES ('row x', 'v')").run();
    }),
                    DatabaseError);
    CHECK_THROWS_AS(database->read([](StatementCache&) { throw WriteNeeded(); }), WriteNeeded);
    insert(*database, "row 1");
    CHECK(read_count(*database) == 1);
}

TEST_CASE("read connections: readers at the same time each get a connection, reused afterwards") {
    orchard::test::TempDir dir;
    auto database = Database::open(dir.path() / "orchard.db");
    constexpr int kReaders = 4;
    for (int i = 0; i < 50; ++i)
        insert(*database, "row " + std::to_string(i));
    for (int round = 0; round < 3; ++round) {
        std::vector<std::thread> threads;
        std::vector<std::int64_t> seen(kReaders, -1);
        for (int r = 0; r < kReaders; ++r)
            threads.emplace_back([&, r] { seen[static_cast<size_t>(r)] = read_count(*database); });
        for (auto& thread : threads)
            thread.join();
        for (const auto rows : seen)
            CHECK(rows == 50);
    }
    CHECK(database->read_connections_opened() >= 1);
    CHECK(database->read_connections_opened() <= kReaders);
}
