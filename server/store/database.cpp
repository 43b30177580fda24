#include "server/store/database.h"

#include "server/store/migrations.h"
#include "server/store/page_cache.h"
#include "server/store/postgres_pool.h"
#include "server/store/read_connections.h"
#include "server/store/replica_lag.h"
#include "server/store/sqlite.h"
#include "server/store/wal_write_buffer.h"

namespace orchard::store {
namespace {

// How many batches more a thread runs after the one with its own job, at most: enough to keep
// the database busy between hand-overs, few enough that its own answer waits little.
constexpr int kFollowUpBatches = 2;

// Connections a server opens to PostgreSQL for writes, and as many again for reads: as many as
// requests run at once (the worker threads), a few of them waiting on others' rows at most.
constexpr std::size_t kPostgresConnections = 16;
constexpr std::size_t kPostgresCounterConnections = 4;

// A URL as people may read it: without the password.
std::string without_password(const std::string& url) {
    const auto scheme = url.find("://");
    const auto at = url.find('@');
    if (scheme == std::string::npos || at == std::string::npos) return url;
    const auto colon = url.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return url;
    return url.substr(0, colon) + ":***" + url.substr(at);
}

} // namespace

struct PostgresLease {
    PostgresPool::Lease lease;
};

void apply_connection_settings(sqlite3* db) {
    // WAL: readers never block the writer. synchronous=NORMAL: a committed transaction survives
    // a crash or kill -9 of the server (the WAL is written before the commit returns); only an
    // operating-system crash or power cut may lose the last commits, which FULL would prevent
    // at the cost of an fsync per request.
    execute(db,
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
    // One connection serves every request, so its page cache is the database's working set:
    // 256 MiB hold the trees in progress of a large deployment (bench_big_db compares with
    // SQLite's default 2 MiB), and the memory map spares the other reads a system call each
    // (address space only: the pages are the operating system's file cache).
    execute(db, "PRAGMA cache_size = -262144; PRAGMA mmap_size = 8589934592;");
    // A WAL file that grew past 256 MiB is cut back when the WAL starts over. Below that it is
    // reused in place: the checkpointer starts it over at 128 MiB (wal_checkpointer.cpp), and
    // cutting a large WAL back at each start made one request wait (bench_task_load: the worst
    // request took 62 to 70 ms with a 64 MiB limit, 34 ms with this one).
    execute(db, "PRAGMA journal_size_limit = 268435456;");
    // The journal of each request's savepoint (see write()) and the sorts of candidate queries
    // stay in memory instead of temporary files.
    execute(db, "PRAGMA temp_store = MEMORY;");
}

std::unique_ptr<Database> Database::open(const std::filesystem::path& file) {
    // SQLite keeps memory statistics by default, under a global mutex taken on every allocation;
    // nothing here reads them. Only possible before SQLite initializes; later calls are refused
    // harmlessly.
    static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)configured;
    install_page_cache(); // in place since the program started; this links it in
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    // Through the VFS that writes each commit's WAL frames in one call (wal_write_buffer.h).
    if (sqlite3_open_v2(file.c_str(), &db, flags, wal_write_buffer_vfs()) != SQLITE_OK) {
        std::string reason = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        throw DatabaseError("cannot open database " + file.string() + ": " + reason);
    }
    std::unique_ptr<Database> database(new Database(db, file));
    sqlite3_busy_timeout(db, 5000);
    apply_connection_settings(db);
    database->schema_version_ = apply_migrations(db, all_migrations());
    return database;
}

std::unique_ptr<Database> Database::open_postgres(const std::string& url,
                                                  const std::string& read_url,
                                                  std::filesystem::path folder) {
    auto writes = std::make_unique<PostgresPool>(url, false, kPostgresConnections);
    std::unique_ptr<Database> database(
        new Database(std::move(writes),
                     std::make_unique<PostgresPool>(read_url.empty() ? url : read_url, true,
                                                    kPostgresConnections),
                     std::make_unique<PostgresPool>(url, false, kPostgresCounterConnections)));
    {
        auto lease = database->postgres_->take();
        database->schema_version_ = apply_postgres_migrations(lease.connection(), all_migrations());
    }
    if (!read_url.empty() && read_url != url)
        database->replica_lag_ =
            std::make_unique<ReplicaLag>(*database->postgres_, *database->postgres_reads_);
    database->folder_ = std::move(folder);
    return database;
}

std::unique_ptr<Database> Database::open_data(const std::filesystem::path& data_dir,
                                              const std::string& url, const std::string& read_url) {
    if (!url.empty() && !is_postgres_url(url))
        throw DatabaseError("--database takes a postgresql:// URL, not " + url);
    if (!read_url.empty() && !is_postgres_url(read_url))
        throw DatabaseError("--database-read takes a postgresql:// URL, not " + read_url);
    if (!read_url.empty() && url.empty())
        throw DatabaseError("--database-read is a replica of the --database it goes with");
    std::filesystem::create_directories(data_dir);
    if (!url.empty()) return open_postgres(url, read_url, data_dir);
    return open(data_dir / "orchard.db");
}

Database::Database(std::unique_ptr<PostgresPool> writes, std::unique_ptr<PostgresPool> reads,
                   std::unique_ptr<PostgresPool> counters)
    : postgres_(std::move(writes)), postgres_reads_(std::move(reads)),
      postgres_counters_(std::move(counters)) {}

std::string Database::location() const {
    return postgres_ ? without_password(postgres_->url()) : file_.string();
}

Database::Database(sqlite3* db, std::filesystem::path file)
    : db_(db), statements_(std::make_unique<StatementCache>(db)),
      readers_(std::make_unique<ReadConnections>(file)), file_(std::move(file)),
      folder_(file_.parent_path()) {}

Database::~Database() {
    readers_.reset();
    statements_.reset(); // finalized before the connection closes
    if (db_) sqlite3_close_v2(db_);
}

Database::Transaction::Transaction(Database& database) : database_(database) {
    if (database.postgres_) {
        // Alone, as SQLite's BEGIN IMMEDIATE: a tool's long transaction (an import, the demo
        // data) neither loses to the servers' writes nor makes them lose.
        lease_.reset(new PostgresLease{database.postgres_->take()});
        PGconn* connection = lease_->lease.connection();
        lock_writes(connection, true);
        try {
            execute(connection, "BEGIN ISOLATION LEVEL SERIALIZABLE");
        } catch (...) {
            unlock_writes(connection, true); // (a connection too broken for it ends the lock)
            throw;
        }
        return;
    }
    lock_ = std::unique_lock(database.mutex_);
    Statement(*database_.statements_, "BEGIN IMMEDIATE").run();
}

Database::Transaction::~Transaction() {
    try {
        if (open_ && lease_)
            execute(lease_->lease.connection(), "ROLLBACK");
        else if (open_)
            Statement(*database_.statements_, "ROLLBACK").run();
        if (lease_) unlock_writes(lease_->lease.connection(), true);
    } catch (const DatabaseError&) {
        // Nothing more to undo: SQLite rolls back by itself after some errors, and a broken
        // PostgreSQL connection is closed by its pool, which ends its lock.
    }
}

StatementCache& Database::Transaction::statements() const {
    return lease_ ? lease_->lease.statements() : *database_.statements_;
}

void Database::Transaction::commit() {
    if (lease_)
        execute(lease_->lease.connection(), "COMMIT");
    else
        Statement(*database_.statements_, "COMMIT").run();
    open_ = false;
}

void Database::on_commit(std::function<void(int wal_pages)> hook) {
    if (postgres_) return; // PostgreSQL checkpoints by itself
    std::lock_guard lock(mutex_);
    commit_hook_ = std::move(hook);
    if (!commit_hook_) {
        sqlite3_wal_autocheckpoint(db_, 1000); // SQLite's default, which replaces the hook
        return;
    }
    sqlite3_wal_hook(
        db_,
        [](void* context, sqlite3*, const char*, int pages) {
            static_cast<Database*>(context)->commit_hook_(pages);
            return SQLITE_OK;
        },
        this);
}

void Database::write(const std::function<void(StatementCache&)>& work) {
    // PostgreSQL commits many transactions at once by itself; each request runs its own.
    if (postgres_) return postgres_->write(work);
    WriteJob job{&work, nullptr, false};
    std::unique_lock queue(queue_mutex_);
    pending_.push_back(&job);
    job.wake.wait(queue, [&] { return job.done || !batch_running_; });
    if (!job.done) {
        // This thread runs the batch: its own job and every job queued so far. Jobs that queued
        // up meanwhile it runs as well, a few batches more, while it is awake anyway: handing
        // over to a waiting thread costs a wake-up (bench_task_load: 100 to 200 µs on this
        // machine), time in which the database would sit idle with work waiting. Each batch's
        // requests are answered as soon as it is committed.
        batch_running_ = true;
        for (int batches = 0; batches <= kFollowUpBatches && !pending_.empty(); ++batches) {
            std::vector<WriteJob*> batch;
            batch.swap(pending_);
            queue.unlock();
            run_batch(batch);
            queue.lock();
            // Only the threads whose work is done are woken; the others would only go back to
            // sleep.
            for (WriteJob* done : batch) {
                done->done = true;
                if (done != &job) done->wake.notify_one();
            }
        }
        batch_running_ = false;
        // Work that queued after the last batch: its first thread runs the next one.
        if (!pending_.empty()) pending_.front()->wake.notify_one();
    }
    if (job.error) std::rethrow_exception(job.error);
}

void Database::run_batch(const std::vector<WriteJob*>& batch) {
    std::lock_guard connection(mutex_);
    auto fail_all = [&](std::exception_ptr error) {
        for (WriteJob* job : batch)
            if (!job->error) job->error = error;
    };
    try {
        Statement(*statements_, "BEGIN IMMEDIATE").run();
    } catch (...) {
        fail_all(std::current_exception());
        return;
    }
    for (WriteJob* job : batch) {
        try {
            Statement(*statements_, "SAVEPOINT request").run();
            (*job->work)(*statements_);
            Statement(*statements_, "RELEASE request").run();
        } catch (...) {
            job->error = std::current_exception();
            try {
                Statement(*statements_, "ROLLBACK TO request").run();
                Statement(*statements_, "RELEASE request").run();
            } catch (const DatabaseError&) {
                // Checked below: SQLite may have rolled back the whole transaction.
            }
            if (sqlite3_get_autocommit(db_)) {
                // The transaction is gone, with the work of the jobs before this one.
                fail_all(std::make_exception_ptr(
                    DatabaseError("the database rolled back a shared transaction")));
                return;
            }
        }
    }
    try {
        Statement(*statements_, "COMMIT").run();
    } catch (...) {
        const auto error = std::current_exception();
        try {
            Statement(*statements_, "ROLLBACK").run();
        } catch (const DatabaseError&) {
            // Already rolled back by SQLite.
        }
        for (WriteJob* job : batch)
            job->error = error; // nothing of the batch was saved
    }
}

std::optional<std::int64_t> Database::replica_lag_ms() {
    return replica_lag_ ? replica_lag_->lag_ms() : std::nullopt;
}

bool Database::reads_on_replica() {
    return replica_lag_ && replica_lag_->keeps_up();
}

void Database::write_counters(const std::function<void(StatementCache&)>& work) {
    if (postgres_counters_) return postgres_counters_->write_unlocked(work);
    write(work);
}

void Database::read(const std::function<void(StatementCache&)>& work) {
    // A replica too far behind (or gone): its reads are the primary's until it catches up.
    if (replica_lag_ && !replica_lag_->keeps_up()) return postgres_->read(work);
    if (postgres_reads_) return postgres_reads_->read(work);
    readers_->read(work);
}

std::size_t Database::read_connections_opened() const {
    return postgres_reads_ ? postgres_reads_->opened() : readers_->opened();
}

void Database::between_requests(const std::function<void()>& work) {
    if (postgres_) return work();
    std::lock_guard lock(mutex_);
    work();
}

std::string Database::check() {
    if (postgres_) {
        try {
            postgres_->read([](StatementCache& statements) {
                Statement(statements, "SELECT count(*) FROM schema_migrations").step();
            });
            return "ok";
        } catch (const DatabaseError& error) {
            return error.what();
        }
    }
    std::lock_guard lock(mutex_);
    try {
        Statement statement(db_, "SELECT count(*) FROM schema_migrations");
        statement.step();
        return "ok";
    } catch (const DatabaseError& error) {
        return error.what();
    }
}

} // namespace orchard::store
