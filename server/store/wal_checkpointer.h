// Moves WAL checkpoints off the request path. By default SQLite checkpoints inside the commit
// that fills the WAL past 1,000 pages: that request then copies pages into the database file and
// waits for an fsync, about 10 ms here, while every other request queues behind the connection.
// While a WalCheckpointer lives, commits only report the WAL size and a thread with a connection
// of its own does the checkpoints, concurrently with the requests.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace orchard::store {

class Database;

class WalCheckpointer {
  public:
    explicit WalCheckpointer(Database& database);
    ~WalCheckpointer(); // stops the thread and gives checkpoints back to the commits
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // How many checkpoints ran.
    long checkpoints() const;

  private:
    void committed(int wal_pages);
    void checkpoint(int mode);
    void run();

    Database& database_;
    sqlite3* connection_ = nullptr;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    int wal_pages_ = 0;
    bool stopping_ = false;
    long checkpoints_ = 0;
    std::thread thread_;
};

} // namespace orchard::store
