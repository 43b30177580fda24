// Read-only connections for the answers that change nothing (leaderboards, availability): each
// runs in a read transaction of its own, which sees the last commit, concurrently with the
// writer and with other readers. WAL mode makes that safe. Reads that used to queue for the
// one writing connection no longer take its time, which bench_task_load shows is the limit.
//
// A connection's page cache is dropped by SQLite whenever another connection has committed
// since its last read, so a reader re-reads what it needs; the memory map makes that cheap for
// pages in the database file. Only short reads belong here.
#pragma once

#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

struct sqlite3;

namespace orchard::store {

class StatementCache;

// Thrown by work on a read connection that finds it has to write: the caller runs it again as a
// write (Database::write).
struct WriteNeeded : std::exception {
    const char* what() const noexcept override { return "this read has to write"; }
};

// Whether `statements` belong to one of these read-only connections: work there that finds it has
// to write throws WriteNeeded. Asked of the connection itself, so that work run again on the
// writing connection cannot be told wrong by a flag carried over from its first attempt.
bool on_read_connection(StatementCache& statements);

class ReadConnections {
  public:
    explicit ReadConnections(std::filesystem::path file);
    ~ReadConnections();
    ReadConnections(const ReadConnections&) = delete;
    ReadConnections& operator=(const ReadConnections&) = delete;

    // Runs `work` in a read transaction on an idle connection (opened when none is idle).
    // Anything `work` throws is rethrown after the transaction has ended.
    void read(const std::function<void(StatementCache&)>& work);

    // How many connections have been opened: one per reader that ran at the same time.
    std::size_t opened() const;

  private:
    struct Connection;
    std::unique_ptr<Connection> take();
    void give_back(std::unique_ptr<Connection> connection);

    std::filesystem::path file_;
    mutable std::mutex mutex_;
    std::vector<std::unique_ptr<Connection>> idle_;
    std::size_t opened_ = 0;
};

} // namespace orchard::store
