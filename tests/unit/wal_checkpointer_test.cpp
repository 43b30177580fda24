#include "server/store/database.h"
#include "server/store/sqlite.h"
#include "server/store/wal_checkpointer.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

using namespace orchard::store;

namespace {

// Commits `count` transactions of one page-sized row each, keys from `first`.
void write_rows(Database& database, int first, int count) {
    const std::string value(3000, 'x');
    for (int i = first; i < first + count; ++i) {
        Database::Transaction transaction(database);
        Statement(transaction.statements(), "INSERT INTO server_meta (key, value) VALUES (?, ?)")
            .bind_all("row " + std::to_string(i), value)
            .run();
        transaction.commit();
    }
}

std::int64_t count_rows(const std::filesystem::path& file) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    std::int64_t rows = 0;
    {
        Statement count(db, "SELECT count(*) FROM server_meta WHERE key LIKE 'row %'");
        REQUIRE(count.step());
        rows = count.column_int(0);
    }
    sqlite3_close(db);
    return rows;
}

} // namespace

TEST_CASE("with a commit hook, commits report the WAL size and no longer checkpoint") {
    orchard::test::TempDir dir;
    auto database = Database::open(dir.path() / "orchard.db");
    int largest = 0;
    database->on_commit([&](int pages) { largest = std::max(largest, pages); });
    write_rows(*database, 0, 1500);
    // SQLite's automatic checkpoint would have started the WAL over at 1,000 pages.
    CHECK(largest > 1500);
    // Nothing was copied into the database file: it holds only the schema pages.
    CHECK(std::filesystem::file_size(dir.path() / "orchard.db") < 200 * 4096);
    database->on_commit(nullptr);
}

TEST_CASE("the WAL checkpointer copies the WAL into the database from its own thread") {
    orchard::test::TempDir dir;
    const auto file = dir.path() / "orchard.db";
    auto database = Database::open(file);
    {
        WalCheckpointer checkpointer(*database);
        write_rows(*database, 0, 2500);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::filesystem::file_size(file) < 2000 * 4096 &&
               std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        CHECK(checkpointer.checkpoints() >= 1);
        CHECK(std::filesystem::file_size(file) >= 2000 * 4096);
        // Writes go on while and after it checkpoints, and nothing is lost.
        write_rows(*database, 2500, 500);
    }
    CHECK(count_rows(file) == 3000);
    database.reset();
    CHECK(count_rows(file) == 3000);
}
