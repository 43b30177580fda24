// The server's database, migrated to the current schema on open: a SQLite file in WAL mode (the
// default), or a PostgreSQL database that several servers may share (docs/scaling.md).
#pragma once

#include <condition_variable>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace orchard::store {

class StatementCache;
class ReadConnections;
class PostgresPool;
class ReplicaLag;
struct PostgresLease;

// The server's settings for a connection (WAL, durability, page cache, memory map), applied by
// Database::open; public so that tools can measure with exactly these.
void apply_connection_settings(sqlite3* db);

class Database {
  public:
    // Opens or creates the file (its folder must exist) and applies pending migrations.
    // Throws DatabaseError with a readable reason when that is impossible.
    static std::unique_ptr<Database> open(const std::filesystem::path& file);
    // Connects to PostgreSQL (a postgresql:// URL) and applies pending migrations. Reads that may
    // lag (Database::read) go to `read_url`, a streaming replica, when it is not empty.
    // `folder` holds the server's own files (exports being written).
    static std::unique_ptr<Database> open_postgres(const std::string& url,
                                                   const std::string& read_url,
                                                   std::filesystem::path folder);
    // The database of every `orchard` command: on PostgreSQL when `url` is given (--database),
    // else the SQLite file orchard.db in `data_dir` (--data), made with its folder if missing.
    // `read_url` (--database-read) is a replica for the reads that may lag.
    static std::unique_ptr<Database> open_data(const std::filesystem::path& data_dir,
                                               const std::string& url,
                                               const std::string& read_url = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    int schema_version() const { return schema_version_; }
    // The SQLite file; empty on PostgreSQL.
    const std::filesystem::path& file() const { return file_; }
    // The folder for the server's own files beside the data: the SQLite file's, or --data's.
    const std::filesystem::path& folder() const { return folder_; }
    bool is_postgres() const { return postgres_ != nullptr; }
    // Where the data is, for people to read: the file, or the URL without its password.
    std::string location() const;

    // "ok" when the database answers a query, else a short reason.
    std::string check();

    // After each commit, calls `hook` with the number of pages in the WAL instead of letting the
    // commit checkpoint by itself (see WalCheckpointer); nullptr restores SQLite's automatic
    // checkpoints. The hook runs while the connection is held: it must be quick.
    void on_commit(std::function<void(int wal_pages)> hook);

    // Runs `work` while no request holds the connection, holding requests back until it returns.
    void between_requests(const std::function<void()>& work);

    // One request's unit of work, in a write transaction shared with the requests that arrive
    // while it waits (group commit): the first of them runs all their work, each in a savepoint
    // of its own, and commits once, so the cost of a commit and the hand-over of the connection
    // are shared. The thread that ran a batch runs the next ones too while work keeps arriving
    // (a few at most), so the database does not wait for a sleeping thread to wake. Work that
    // throws is undone alone and its exception is rethrown here. Returns
    // after the commit: what `work` saved is durable by the time its caller answers anyone.
    void write(const std::function<void(StatementCache&)>& work);

    // Work that only reads, on a read-only connection of its own (see ReadConnections): it sees
    // the last commit and neither waits for the writer nor holds it up. `work` must not write.
    void read(const std::function<void(StatementCache&)>& work);
    // Counters that several servers share and that must not wait for the writes (rate limits):
    // on PostgreSQL, a short transaction on connections of their own, outside the write lock,
    // which `work` keeps correct by locking the rows it changes (SELECT ... FOR UPDATE). On
    // SQLite, a write like any other.
    void write_counters(const std::function<void(StatementCache&)>& work);
    // With a replica for reads (--database-read): how far behind it may be, in milliseconds
    // (std::nullopt: it cannot be reached), and whether reads go to it now (else the primary).
    bool has_replica() const { return replica_lag_ != nullptr; }
    std::optional<std::int64_t> replica_lag_ms();
    bool reads_on_replica();
    // How many read connections exist: one per read that ran at the same time as others.
    std::size_t read_connections_opened() const;

    // A transaction held by one thread for as long as the scope lasts (tools, tests, loading):
    // holds the connection and a write transaction, committed by commit() and rolled back if the
    // scope is left without it.
    class Transaction {
      public:
        explicit Transaction(Database& database);
        ~Transaction();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        // The SQLite connection; nullptr on PostgreSQL.
        sqlite3* db() const { return database_.db_; }
        StatementCache& statements() const;
        void commit();

      private:
        Database& database_;
        std::unique_lock<std::mutex> lock_;
        std::unique_ptr<PostgresLease> lease_; // on PostgreSQL
        bool open_ = true;
    };

  private:
    Database(sqlite3* db, std::filesystem::path file);
    Database(std::unique_ptr<PostgresPool> writes, std::unique_ptr<PostgresPool> reads,
             std::unique_ptr<PostgresPool> counters);

    struct WriteJob {
        const std::function<void(StatementCache&)>* work;
        std::exception_ptr error;
        bool done = false;
        std::condition_variable wake; // with queue_mutex_: done, or the batch runner has left
    };
    // Runs a batch of jobs in one transaction; records each job's failure in the job.
    void run_batch(const std::vector<WriteJob*>& batch);

    sqlite3* db_ = nullptr;
    std::unique_ptr<StatementCache> statements_;   // of db_, guarded by mutex_ like db_ itself
    std::unique_ptr<PostgresPool> postgres_;       // on PostgreSQL, in place of the above
    std::unique_ptr<PostgresPool> postgres_reads_; // its read-only connections
    // Its connections for write_counters: a pool apart, since a write holding a connection of
    // postgres_ takes one of these (a rate limit inside a request) and must always get one.
    std::unique_ptr<PostgresPool> postgres_counters_;
    std::unique_ptr<ReplicaLag> replica_lag_; // when postgres_reads_ is a replica
    std::unique_ptr<ReadConnections> readers_;
    std::filesystem::path file_;
    std::filesystem::path folder_;
    int schema_version_ = 0;
    std::mutex mutex_; // one connection, used by one request thread at a time
    std::function<void(int)> commit_hook_;

    std::mutex queue_mutex_;         // guards the two members below and every queued WriteJob
    std::vector<WriteJob*> pending_; // waiting for the next batch
    bool batch_running_ = false;
};

} // namespace orchard::store
