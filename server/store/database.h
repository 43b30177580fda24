// The server's SQLite database: one file in WAL mode, migrated to the current schema on open.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

struct sqlite3;

namespace orchard::store {

class StatementCache;

class Database {
  public:
    // Opens or creates the file (its folder must exist) and applies pending migrations.
    // Throws SqliteError with a readable reason when that is impossible.
    static std::unique_ptr<Database> open(const std::filesystem::path& file);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    int schema_version() const { return schema_version_; }
    const std::filesystem::path& file() const { return file_; }

    // "ok" when the database answers a query, else a short reason.
    std::string check();

    // After each commit, calls `hook` with the number of pages in the WAL instead of letting the
    // commit checkpoint by itself (see WalCheckpointer); nullptr restores SQLite's automatic
    // checkpoints. The hook runs while the connection is held: it must be quick.
    void on_commit(std::function<void(int wal_pages)> hook);

    // Runs `work` while no request holds the connection, holding requests back until it returns.
    void between_requests(const std::function<void()>& work);

    // One request's unit of work: holds the connection for this thread and a write transaction,
    // committed by commit() and rolled back if the scope is left without it.
    class Transaction {
      public:
        explicit Transaction(Database& database);
        ~Transaction();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        sqlite3* db() const { return database_.db_; }
        StatementCache& statements() const { return *database_.statements_; }
        void commit();

      private:
        Database& database_;
        std::unique_lock<std::mutex> lock_;
        bool open_ = true;
    };

  private:
    Database(sqlite3* db, std::filesystem::path file);

    sqlite3* db_;
    std::unique_ptr<StatementCache> statements_; // of db_, guarded by mutex_ like db_ itself
    std::filesystem::path file_;
    int schema_version_ = 0;
    std::mutex mutex_; // one connection, used by one request thread at a time
    std::function<void(int)> commit_hook_;
};

} // namespace orchard::store
