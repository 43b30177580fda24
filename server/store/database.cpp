#include "server/store/database.h"

#include "server/store/migrations.h"
#include "server/store/sqlite.h"

namespace orchard::store {

std::unique_ptr<Database> Database::open(const std::filesystem::path& file) {
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(file.c_str(), &db, flags, nullptr) != SQLITE_OK) {
        std::string reason = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        throw SqliteError("cannot open database " + file.string() + ": " + reason);
    }
    std::unique_ptr<Database> database(new Database(db, file));
    sqlite3_busy_timeout(db, 5000);
    // WAL: readers never block the writer. synchronous=NORMAL: a committed transaction survives
    // a crash or kill -9 of the server (the WAL is written before the commit returns); only an
    // operating-system crash or power cut may lose the last commits, which FULL would prevent
    // at the cost of an fsync per request.
    execute(db,
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
    database->schema_version_ = apply_migrations(db, all_migrations());
    return database;
}

Database::Database(sqlite3* db, std::filesystem::path file) : db_(db), file_(std::move(file)) {}

Database::~Database() {
    sqlite3_close_v2(db_);
}

Database::Transaction::Transaction(Database& database)
    : database_(database), lock_(database.mutex_) {
    execute(database_.db_, "BEGIN IMMEDIATE");
}

Database::Transaction::~Transaction() {
    if (!open_) return;
    try {
        execute(database_.db_, "ROLLBACK");
    } catch (const SqliteError&) {
        // Nothing more to undo: SQLite rolls back by itself after some errors.
    }
}

void Database::Transaction::commit() {
    execute(database_.db_, "COMMIT");
    open_ = false;
}

std::string Database::check() {
    std::lock_guard lock(mutex_);
    try {
        Statement statement(db_, "SELECT count(*) FROM schema_migrations");
        statement.step();
        return "ok";
    } catch (const SqliteError& error) {
        return error.what();
    }
}

} // namespace orchard::store
