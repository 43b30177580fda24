// The connections of one server to a PostgreSQL database, and the transactions requests run on
// them. Several servers may share the database (docs/scaling.md): every write runs SERIALIZABLE,
// so the rules that SQLite's one writer kept by running requests one at a time (a tree moves on
// once, a task goes to one person) hold just the same, and a transaction that lost to a
// concurrent one is run again from the start.
#pragma once

#include "server/store/postgres.h"

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace orchard::store {

class PostgresPool {
  public:
    // `url` is libpq's connection URI; `read_only` for a replica's pool (Database::read only).
    PostgresPool(std::string url, bool read_only, std::size_t max_connections);
    ~PostgresPool();
    PostgresPool(const PostgresPool&) = delete;
    PostgresPool& operator=(const PostgresPool&) = delete;

    // A connection and its statements, held by one thread at a time.
    struct Session {
        PostgresConnection connection;
        std::unique_ptr<StatementCache> statements;
    };
    class Lease {
      public:
        Lease(PostgresPool& pool, std::unique_ptr<Session> session)
            : pool_(pool), session_(std::move(session)) {}
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        PGconn* connection() const { return session_->connection.get(); }
        StatementCache& statements() const { return *session_->statements; }

      private:
        PostgresPool& pool_;
        std::unique_ptr<Session> session_;
    };
    // An idle connection, opened when none is idle and fewer than the maximum exist; else waits.
    Lease take();

    // `work` in a serializable transaction, run again while PostgreSQL says it lost to another
    // (at most a few times); committed when this returns.
    void write(const std::function<void(StatementCache&)>& work);
    // `work` in a read-only transaction that sees one snapshot.
    void read(const std::function<void(StatementCache&)>& work);
    // `work` in a short READ COMMITTED transaction outside the write lock, for counters whose rows
    // it locks itself (rate limits); run again if two such transactions waited for each other.
    void write_unlocked(const std::function<void(StatementCache&)>& work);

    std::size_t opened() const;
    const std::string& url() const { return url_; }

  private:
    void give_back(std::unique_ptr<Session> session);

    std::string url_;
    bool read_only_;
    std::size_t max_connections_;
    mutable std::mutex mutex_;
    std::condition_variable idle_changed_;
    std::vector<std::unique_ptr<Session>> idle_;
    std::size_t opened_ = 0; // open now, idle or leased
};

// The database-wide lock every write holds from before its transaction begins until after it ends
// (run_serializable says why): shared by writes that run side by side, or held `alone`.
void lock_writes(PGconn* connection, bool alone);
void unlock_writes(PGconn* connection, bool alone);

// The same transaction rules for code that holds a connection itself (tools, Transaction).
void run_serializable(PGconn* connection, StatementCache& statements,
                      const std::function<void(StatementCache&)>& work);

} // namespace orchard::store
