#include "server/store/postgres_pool.h"

#include <chrono>
#include <random>
#include <thread>

namespace orchard::store {

namespace {

// How often a transaction that lost to a concurrent one is tried again before its request fails.
constexpr int kAttempts = 12;

// A short random pause before the next attempt, growing with each, so that two transactions that
// keep colliding drift apart.
void pause_before_retry(int attempt) {
    thread_local std::minstd_rand random(std::random_device{}());
    const int ceiling_us = 200 << std::min(attempt, 6);
    std::this_thread::sleep_for(
        std::chrono::microseconds(std::uniform_int_distribution<int>(0, ceiling_us)(random)));
}

void roll_back(PGconn* connection) {
    if (PQtransactionStatus(connection) == PQTRANS_IDLE) return;
    try {
        execute(connection, "ROLLBACK");
    } catch (const DatabaseError&) {
        // A broken connection: the pool drops it when it comes back.
    }
}

// Gives the write lock back; a connection that cannot is closed by the pool, which ends the lock.
void release(PGconn* connection, bool alone) {
    try {
        unlock_writes(connection, alone);
    } catch (const DatabaseError&) {
        // Broken: the pool drops it when it comes back.
    }
}

} // namespace

void lock_writes(PGconn* connection, bool alone) {
    execute(connection,
            alone ? "SELECT pg_advisory_lock(727362)" : "SELECT pg_advisory_lock_shared(727362)");
}

void unlock_writes(PGconn* connection, bool alone) {
    execute(connection, alone ? "SELECT pg_advisory_unlock(727362)"
                              : "SELECT pg_advisory_unlock_shared(727362)");
}

void run_serializable(PGconn* connection, StatementCache& statements,
                      const std::function<void(StatementCache&)>& work) {
    for (int attempt = 1;; ++attempt) {
        // Optimistic first: writes run side by side, each holding one lock (the same for every
        // server of the database) in shared mode. One that lost runs again holding it alone: it
        // waits for those running to end, new ones wait for it, and it cannot lose again. Without
        // this, as every contribution touches a few shared rows (the leaderboards' version, the
        // rolling frames), retries raced each other and lost again and again (4 writers:
        // requests failing after 12 attempts). Taken before BEGIN, so that the transaction's
        // snapshot comes after the wait and sees what the others committed.
        const bool alone = attempt > 1;
        lock_writes(connection, alone);
        try {
            // Writes side by side that wait for each other's rows may wait in a circle, which
            // PostgreSQL finds only after deadlock_timeout (1 s: the p99 of bench_task_load on
            // PostgreSQL was 1.06 s); a wait this long is given up and the write run again alone.
            execute(connection, alone ? "BEGIN ISOLATION LEVEL SERIALIZABLE"
                                      : "BEGIN ISOLATION LEVEL SERIALIZABLE; "
                                        "SET LOCAL lock_timeout = '50ms'");
            work(statements);
            execute(connection, "COMMIT");
            // Committed: a connection too broken to give the lock back is the pool's to drop,
            // not a failure to report for work that was saved.
            release(connection, alone);
            return;
        } catch (const DatabaseError& error) {
            roll_back(connection);
            release(connection, alone);
            if (!error.must_retry()) throw;
            if (attempt == kAttempts)
                throw DatabaseError(std::string(error.what()) + " (tried " +
                                        std::to_string(kAttempts) + " times)",
                                    error.sqlstate);
        } catch (...) {
            roll_back(connection);
            release(connection, alone);
            throw;
        }
        pause_before_retry(attempt);
    }
}

PostgresPool::PostgresPool(std::string url, bool read_only, std::size_t max_connections)
    : url_(std::move(url)), read_only_(read_only), max_connections_(max_connections) {
    Lease first = take(); // a wrong address or password is told at start, not at a request
}

PostgresPool::~PostgresPool() = default;

PostgresPool::Lease PostgresPool::take() {
    std::unique_lock lock(mutex_);
    idle_changed_.wait(lock, [&] { return !idle_.empty() || opened_ < max_connections_; });
    if (!idle_.empty()) {
        auto session = std::move(idle_.back());
        idle_.pop_back();
        return Lease(*this, std::move(session));
    }
    ++opened_;
    lock.unlock();
    try {
        auto session = std::make_unique<Session>();
        session->connection = connect_postgres(url_);
        session->statements =
            std::make_unique<StatementCache>(session->connection.get(), read_only_);
        return Lease(*this, std::move(session));
    } catch (...) {
        lock.lock();
        --opened_;
        idle_changed_.notify_one();
        throw;
    }
}

PostgresPool::Lease::~Lease() {
    pool_.give_back(std::move(session_));
}

void PostgresPool::give_back(std::unique_ptr<Session> session) {
    // A connection that broke, or was left inside a transaction, is closed, not reused.
    const bool usable = PQstatus(session->connection.get()) == CONNECTION_OK &&
                        PQtransactionStatus(session->connection.get()) == PQTRANS_IDLE;
    std::lock_guard lock(mutex_);
    if (usable)
        idle_.push_back(std::move(session));
    else
        --opened_;
    idle_changed_.notify_one();
}

void PostgresPool::write(const std::function<void(StatementCache&)>& work) {
    Lease lease = take();
    run_serializable(lease.connection(), lease.statements(), work);
}

void PostgresPool::read(const std::function<void(StatementCache&)>& work) {
    Lease lease = take();
    execute(lease.connection(), "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
        work(lease.statements());
        execute(lease.connection(), "COMMIT");
    } catch (...) {
        roll_back(lease.connection());
        throw;
    }
}

void PostgresPool::write_unlocked(const std::function<void(StatementCache&)>& work) {
    Lease lease = take();
    for (int attempt = 1;; ++attempt) {
        execute(lease.connection(), "BEGIN");
        try {
            work(lease.statements());
            execute(lease.connection(), "COMMIT");
            return;
        } catch (const DatabaseError& error) {
            roll_back(lease.connection());
            if (!error.must_retry() || attempt == kAttempts) throw;
        } catch (...) {
            roll_back(lease.connection());
            throw;
        }
        pause_before_retry(attempt);
    }
}

std::size_t PostgresPool::opened() const {
    std::lock_guard lock(mutex_);
    return opened_;
}

} // namespace orchard::store
