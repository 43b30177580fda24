#include "server/store/database.h"
#include "server/store/migrations.h"
#include "server/store/sqlite.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace orchard::store;

TEST_CASE("opening a new database applies every migration, in WAL mode") {
    orchard::test::TempDir dir;
    auto database = Database::open(dir.path() / "orchard.db");
    CHECK(database->schema_version() == all_migrations().back().version);
    CHECK(database->check() == "ok");

    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open((dir.path() / "orchard.db").c_str(), &raw) == SQLITE_OK);
    {
        Statement mode(raw, "PRAGMA journal_mode");
        REQUIRE(mode.step());
        CHECK(mode.column_text(0) == "wal");
        Statement applied(raw, "SELECT count(*) FROM schema_migrations");
        REQUIRE(applied.step());
        CHECK(applied.column_int(0) == static_cast<std::int64_t>(all_migrations().size()));
    }
    CHECK(sqlite3_close(raw) == SQLITE_OK);
}

TEST_CASE("migrations run once: reopening changes nothing") {
    orchard::test::TempDir dir;
    Database::open(dir.path() / "orchard.db");
    auto reopened = Database::open(dir.path() / "orchard.db");
    CHECK(reopened->schema_version() == all_migrations().back().version);
}

TEST_CASE("a failing migration leaves the database at the previous version") {
    orchard::test::TempDir dir;
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir.path() / "x.db").c_str(), &db) == SQLITE_OK);
    const Migration migrations[] = {
        {1, "good", "CREATE TABLE a (x INTEGER);"},
        {2, "bad", "CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);"},
    };
    CHECK_THROWS_AS(apply_migrations(db, migrations), DatabaseError);
    {
        Statement version(db, "SELECT max(version) FROM schema_migrations");
        REQUIRE(version.step());
        CHECK(version.column_int(0) == 1);
        Statement table_b(db, "SELECT count(*) FROM sqlite_master WHERE name = 'b'");
        REQUIRE(table_b.step());
        CHECK(table_b.column_int(0) == 0);
    } // statements are finalized before the connection closes
    CHECK(sqlite3_close(db) == SQLITE_OK);
}

TEST_CASE("a database from a newer build is refused") {
    orchard::test::TempDir dir;
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir.path() / "x.db").c_str(), &db) == SQLITE_OK);
    const Migration newer[] = {{1, "a", "SELECT 1;"}, {2, "b", "SELECT 1;"}};
    apply_migrations(db, newer);
    const Migration older[] = {{1, "a", "SELECT 1;"}};
    CHECK_THROWS_AS(apply_migrations(db, older), DatabaseError);
    CHECK(sqlite3_close(db) == SQLITE_OK);
}

TEST_CASE("migration 3 keeps the tasks a version 2 database already has, payload included") {
    orchard::test::TempDir dir;
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir.path() / "orchard.db").c_str(), &db) == SQLITE_OK);
    execute(db, "PRAGMA foreign_keys = ON;");
    apply_migrations(db, all_migrations().first(2));
    execute(db, "INSERT INTO users (id, auth_method, external_id, display_name, created_ms) "
                "VALUES ('u1', 'local', 'ada', 'Ada', 1);"
                "INSERT INTO tasks (id, type, user_id, payload, created_ms, expiry_ms, acked) "
                "VALUES ('t1', 'initial_prompt', 'u1', '{\"id\":\"t1\",\"hint\":null}', 1, 2, 1);");
    CHECK(apply_migrations(db, all_migrations()) == all_migrations().back().version);
    {
        Statement payload(db, "SELECT p.payload, t.acked FROM tasks t JOIN task_payloads p ON "
                              "p.task_id = t.id WHERE t.id = 't1'");
        REQUIRE(payload.step());
        CHECK(payload.column_text(0) == R"({"id":"t1","hint":null})");
        CHECK(payload.column_int(1) == 1);
        Statement column(db, "SELECT count(*) FROM pragma_table_info('tasks') WHERE name = "
                             "'payload'");
        REQUIRE(column.step());
        CHECK(column.column_int(0) == 0);
    }
    CHECK(sqlite3_close(db) == SQLITE_OK);
}

TEST_CASE("migration 11 gives the labels a version 10 database has their tree") {
    orchard::test::TempDir dir;
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir.path() / "orchard.db").c_str(), &db) == SQLITE_OK);
    execute(db, "PRAGMA foreign_keys = ON;");
    apply_migrations(db, all_migrations().first(10));
    execute(db, "INSERT INTO users (id, auth_method, external_id, display_name, created_ms) "
                "VALUES ('u1', 'local', 'ada', 'Ada', 1);"
                "INSERT INTO messages (id, message_tree_id, depth, role, lang, text, user_id, "
                "created_ms) VALUES ('m1', 'tree1', 0, 'prompter', 'en', 'Hi', 'u1', 1),"
                "('m2', 'tree1', 1, 'assistant', 'en', 'Hello', 'u1', 2);"
                "INSERT INTO text_labels (id, message_id, user_id, labels, created_ms) VALUES "
                "('l1', 'm1', 'u1', '{\"spam\":0}', 3), ('l2', 'm2', 'u1', '{\"quality\":1}', 4);");
    CHECK(apply_migrations(db, all_migrations()) == all_migrations().back().version);
    {
        Statement trees(db, "SELECT count(*) FROM text_labels WHERE message_tree_id = 'tree1'");
        REQUIRE(trees.step());
        CHECK(trees.column_int(0) == 2);
    }
    CHECK(sqlite3_close(db) == SQLITE_OK);
}
