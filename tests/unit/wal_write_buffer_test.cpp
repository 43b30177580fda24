#include "server/store/database.h"
#include "server/store/sqlite.h"
#include "server/store/wal_write_buffer.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

using namespace orchard::store;

namespace {

// Write system calls of this process so far (pwrite included), from /proc/self/io.
std::int64_t write_calls() {
    std::ifstream io("/proc/self/io");
    std::string key;
    std::int64_t value = 0;
    while (io >> key >> value)
        if (key == "syscw:") return value;
    FAIL("no syscw in /proc/self/io");
    return 0;
}

sqlite3* open_with(const std::filesystem::path& file, const char* vfs) {
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    REQUIRE(sqlite3_open_v2(file.c_str(), &db, flags, vfs) == SQLITE_OK);
    apply_connection_settings(db);
    execute(db, "CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, value TEXT NOT NULL)");
    return db;
}

// Inserts `count` rows of about one page each, ids from `first`, in one transaction.
void insert_rows(sqlite3* db, int first, int count) {
    execute(db, "BEGIN IMMEDIATE");
    for (int id = first; id < first + count; ++id)
        Statement(db, "INSERT INTO rows (id, value) VALUES (?, ?)")
            .bind_all(std::int64_t{id}, std::string(3000, static_cast<char>('a' + id % 26)))
            .run();
    execute(db, "COMMIT");
}

std::int64_t count_rows(sqlite3* db) {
    Statement count(db, "SELECT count(*) FROM rows");
    REQUIRE(count.step());
    return count.column_int(0);
}

// Write calls made by committing 40 rows of a page each through `vfs` (nullptr: SQLite's own).
std::int64_t write_calls_of_a_commit(const std::filesystem::path& file, const char* vfs) {
    sqlite3* db = open_with(file, vfs);
    insert_rows(db, 0, 1); // the WAL exists and has its header
    const std::int64_t before = write_calls();
    insert_rows(db, 1, 40);
    const std::int64_t made = write_calls() - before;
    sqlite3_close(db);
    return made;
}

} // namespace

TEST_CASE("a commit through the WAL write buffer makes one write per 64 KiB, not two per page") {
    orchard::test::TempDir dir;
    const std::int64_t plain = write_calls_of_a_commit(dir.path() / "plain.db", nullptr);
    const std::int64_t gathered =
        write_calls_of_a_commit(dir.path() / "gathered.db", wal_write_buffer_vfs());
    INFO("SQLite's own VFS: " << plain << " writes; with the buffer: " << gathered);
    CHECK(plain >= 80);   // a header and a page for each of 40+ frames
    CHECK(gathered <= 4); // about 170 KB of frames in 64 KiB writes
}

TEST_CASE("what is committed through the WAL write buffer is what other connections read") {
    orchard::test::TempDir dir;
    const auto file = dir.path() / "orchard.db";
    sqlite3* writer = open_with(file, wal_write_buffer_vfs());
    sqlite3* reader = open_with(file, nullptr);
    std::int64_t expected = 0;
    // Small and large transactions; the large one is more than the 1 MiB gathered at most and
    // more than one write call of the unix VFS may carry.
    for (const int size : {1, 2, 40, 1, 400, 3, 1}) {
        insert_rows(writer, static_cast<int>(expected), size);
        expected += size;
        CHECK(count_rows(reader) == expected);
    }
    // A cache too small for the transaction makes SQLite write frames before the commit and
    // write some pages again in place within the same transaction.
    execute(writer, "PRAGMA cache_size = 8");
    execute(writer, "BEGIN IMMEDIATE");
    for (int round = 0; round < 3; ++round)
        execute(writer,
                ("UPDATE rows SET value = value || 'x' WHERE id % 3 = " + std::to_string(round))
                    .c_str());
    execute(writer, "COMMIT");
    CHECK(count_rows(reader) == expected);
    {
        Statement longer(reader, "SELECT count(*) FROM rows WHERE length(value) = 3001");
        REQUIRE(longer.step());
        CHECK(longer.column_int(0) == expected);
    }
    // A transaction undone leaves nothing behind.
    execute(writer, "BEGIN IMMEDIATE");
    Statement(writer, "DELETE FROM rows").run();
    execute(writer, "ROLLBACK");
    CHECK(count_rows(reader) == expected);
    sqlite3_close(writer);
    sqlite3_close(reader);

    // Opened afresh by SQLite alone, the file is whole and holds every row.
    sqlite3* again = nullptr;
    REQUIRE(sqlite3_open_v2(file.c_str(), &again, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    {
        Statement check(again, "PRAGMA integrity_check");
        REQUIRE(check.step());
        CHECK(check.column_text(0) == "ok");
    }
    CHECK(count_rows(again) == expected);
    sqlite3_close(again);
}

TEST_CASE("the server's database writes its WAL through the write buffer") {
    orchard::test::TempDir dir;
    auto database = Database::open(dir.path() / "orchard.db");
    Database::Transaction transaction(*database);
    sqlite3_vfs* vfs = nullptr;
    REQUIRE(sqlite3_file_control(transaction.db(), "main", SQLITE_FCNTL_VFS_POINTER, &vfs) ==
            SQLITE_OK);
    REQUIRE(vfs != nullptr);
    CHECK(std::string(vfs->zName) == wal_write_buffer_vfs());
}
