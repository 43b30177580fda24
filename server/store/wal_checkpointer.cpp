#include "server/store/wal_checkpointer.h"

#include "server/store/database.h"
#include "server/store/sqlite.h"

#include <chrono>
#include <cstdio>

namespace orchard::store {

namespace {

// SQLite's own threshold for an automatic checkpoint.
constexpr int kCheckpointPages = 1000;
// A passive checkpoint never waits for writers, so under steady writes it never copies the
// frames committed while it ran, and the WAL only starts over once a checkpoint has copied all
// of it. Past this size, right after a passive checkpoint, a second one runs while the requests'
// connection is held (see run()), copies the little that is left, and the WAL starts over. That
// holds every request back for the checkpoint's two fsyncs, 8 to 25 ms on this machine, so it
// should be rare: at 8,000 pages bench_task_load met it every half second and it set the task
// request's p99 (9 to 12 ms); at 32,000 pages (128 MiB) the p99 was 7.6 ms.
constexpr int kRestartPages = 32 * kCheckpointPages;
// Under constant writes every commit reports a full WAL; this spaces the checkpoints out.
constexpr auto kMinimumInterval = std::chrono::milliseconds(50);
// How the checkpoints wait for a reader or writer: in short pauses, for 5 s at most.
constexpr auto kBusyPause = std::chrono::microseconds(50);
constexpr int kBusyAttempts = 100'000;

} // namespace

WalCheckpointer::WalCheckpointer(Database& database) : database_(database) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(database.file().c_str(), &connection_, flags, nullptr) != SQLITE_OK) {
        std::string reason = connection_ ? sqlite3_errmsg(connection_) : "out of memory";
        sqlite3_close(connection_);
        throw DatabaseError("cannot open the database for checkpoints: " + reason);
    }
    // The RESTART checkpoint runs with the requests held back (see run()) and waits for the
    // readers of Database::read, which take well under a millisecond; SQLite's own busy handler
    // would sleep 1, 2, 5, 10 ms and more between its looks.
    sqlite3_busy_handler(
        connection_,
        [](void*, int attempts) {
            std::this_thread::sleep_for(kBusyPause);
            return attempts < kBusyAttempts ? 1 : 0;
        },
        nullptr);
    // A connection opens the file only when it first reads; until then a checkpoint through it
    // quietly does nothing.
    execute(connection_, "SELECT count(*) FROM sqlite_master");
    database_.on_commit([this](int wal_pages) { committed(wal_pages); });
    thread_ = std::thread([this] { run(); });
}

WalCheckpointer::~WalCheckpointer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
    database_.on_commit(nullptr);
    sqlite3_close_v2(connection_);
}

long WalCheckpointer::checkpoints() const {
    std::lock_guard lock(mutex_);
    return checkpoints_;
}

void WalCheckpointer::committed(int wal_pages) {
    {
        std::lock_guard lock(mutex_);
        wal_pages_ = wal_pages;
    }
    if (wal_pages >= kCheckpointPages) wake_.notify_one();
}

void WalCheckpointer::checkpoint(int mode) {
    int wal_frames = 0, copied = 0;
    const int result = sqlite3_wal_checkpoint_v2(connection_, nullptr, mode, &wal_frames, &copied);
    if (result != SQLITE_OK && result != SQLITE_BUSY)
        std::fprintf(stderr, "orchard: WAL checkpoint failed: %s\n", sqlite3_errmsg(connection_));
}

void WalCheckpointer::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        wake_.wait(lock, [this] { return stopping_ || wal_pages_ >= kCheckpointPages; });
        if (stopping_) return;
        const bool restart = wal_pages_ >= kRestartPages;
        wal_pages_ = 0;
        lock.unlock();
        checkpoint(SQLITE_CHECKPOINT_PASSIVE);
        // Requests wait on the connection's mutex, which wakes them the moment it is free; if
        // they met SQLite's write lock instead, its busy handler would sleep them in steps of
        // up to 100 ms. With the connection held, RESTART finds no writer; it waits only for
        // the readers of Database::read that are under way.
        if (restart) database_.between_requests([this] { checkpoint(SQLITE_CHECKPOINT_RESTART); });
        std::this_thread::sleep_for(kMinimumInterval);
        lock.lock();
        ++checkpoints_;
    }
}

} // namespace orchard::store
