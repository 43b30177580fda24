#include "server/store/read_connections.h"

#include "server/store/sqlite.h"

#include <sqlite3.h>

namespace orchard::store {

struct ReadConnections::Connection {
    sqlite3* db = nullptr;
    std::unique_ptr<StatementCache> statements;

    explicit Connection(const std::filesystem::path& file) {
        const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
        if (sqlite3_open_v2(file.c_str(), &db, flags, nullptr) != SQLITE_OK) {
            std::string reason = db ? sqlite3_errmsg(db) : "out of memory";
            sqlite3_close(db);
            throw DatabaseError("cannot open a read connection: " + reason);
        }
        // A reader can meet the writer's brief exclusive moments (the WAL starting over).
        sqlite3_busy_timeout(db, 5000);
        // No memory map: the file grows with every checkpoint, and each reader would unmap and
        // map it again, with a TLB flush on every core each time (bench_task_load: +40 % CPU per
        // task cycle). Sorts stay in memory.
        execute(db, "PRAGMA mmap_size = 0; PRAGMA temp_store = MEMORY;");
        statements = std::make_unique<StatementCache>(db);
    }
    ~Connection() {
        statements.reset(); // finalized before the connection closes
        sqlite3_close_v2(db);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
};

bool on_read_connection(StatementCache& statements) {
    if (statements.postgres()) return statements.read_only();
    return sqlite3_db_readonly(statements.db(), "main") == 1;
}

ReadConnections::ReadConnections(std::filesystem::path file) : file_(std::move(file)) {}

ReadConnections::~ReadConnections() = default;

std::unique_ptr<ReadConnections::Connection> ReadConnections::take() {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            auto connection = std::move(idle_.back());
            idle_.pop_back();
            return connection;
        }
    }
    auto connection = std::make_unique<Connection>(file_); // opened outside the lock
    std::lock_guard lock(mutex_);
    ++opened_;
    return connection;
}

void ReadConnections::give_back(std::unique_ptr<Connection> connection) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
}

std::size_t ReadConnections::opened() const {
    std::lock_guard lock(mutex_);
    return opened_;
}

void ReadConnections::read(const std::function<void(StatementCache&)>& work) {
    auto connection = take();
    Statement(*connection->statements, "BEGIN").run();
    try {
        work(*connection->statements);
    } catch (...) {
        try {
            Statement(*connection->statements, "ROLLBACK").run();
        } catch (const DatabaseError&) {
            connection.reset(); // one that cannot end its transaction is not used again
        }
        if (connection) give_back(std::move(connection));
        throw;
    }
    Statement(*connection->statements, "COMMIT").run();
    give_back(std::move(connection));
}

} // namespace orchard::store
