// The server's SQLite database: one file in WAL mode, migrated to the current schema on open.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

struct sqlite3;

namespace orchard::store {

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

    // One request's unit of work: holds the connection for this thread and a write transaction,
    // committed by commit() and rolled back if the scope is left without it.
    class Transaction {
      public:
        explicit Transaction(Database& database);
        ~Transaction();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        sqlite3* db() const { return database_.db_; }
        void commit();

      private:
        Database& database_;
        std::unique_lock<std::mutex> lock_;
        bool open_ = true;
    };

  private:
    Database(sqlite3* db, std::filesystem::path file);

    sqlite3* db_;
    std::filesystem::path file_;
    int schema_version_ = 0;
    std::mutex mutex_; // one connection, used by one request thread at a time
};

} // namespace orchard::store
