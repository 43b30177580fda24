// Prepared statements on either store: SQLite (the default, one file) or PostgreSQL (several
// servers on one database, docs/scaling.md). Store code writes SQL once, with `?` or `?N`
// parameters, and reads columns the same way from both; only server/store/ includes this. SQL is
// always prepared and bound, never concatenated with values.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;
struct pg_conn;

namespace orchard::store {

struct DatabaseError : std::runtime_error {
    explicit DatabaseError(const std::string& message, std::string state = {})
        : std::runtime_error(message), sqlstate(std::move(state)) {}
    // PostgreSQL's SQLSTATE of the error; empty for SQLite's.
    std::string sqlstate;
    // A serializable transaction that lost to a concurrent one, a deadlock, or a row lock waited
    // for too long (postgres_pool.cpp): the whole transaction is to be run again (Database::write
    // does).
    bool must_retry() const {
        return sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03";
    }
};

struct PostgresQuery;

// Prepared statements of one connection, kept for its lifetime: preparing a statement costs more
// than running most of ours, and a request runs a dozen of them. Not thread-safe; used by whoever
// holds the connection.
class StatementCache {
  public:
    explicit StatementCache(sqlite3* db) : db_(db) {}
    // `read_only`: the connection of Database::read, whose work must not write.
    StatementCache(pg_conn* connection, bool read_only) : pg_(connection), read_only_(read_only) {}
    ~StatementCache();
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;
    // The SQLite connection; nullptr on PostgreSQL.
    sqlite3* db() const { return db_; }
    pg_conn* postgres() const { return pg_; }
    bool read_only() const { return read_only_; }

  private:
    friend class Statement;
    struct Entry {
        sqlite3_stmt* statement = nullptr; // SQLite
        std::string name;                  // PostgreSQL: the prepared statement's name
        int parameters = 0;                // PostgreSQL: how many it takes
        bool in_use = false;
    };
    // The cached statement for `sql`, or nullptr when it is in use already (a statement run again
    // while its rows are still being read, e.g. in a nested call): the caller prepares its own.
    // PostgreSQL reads a statement's rows whole, so its statements are never in use.
    Entry* acquire(std::string_view sql);

    sqlite3* db_ = nullptr;
    pg_conn* pg_ = nullptr;
    bool read_only_ = false;
    std::unordered_map<std::string, Entry> entries_;
};

class Statement {
  public:
    // A SQLite statement prepared for this one use and finalized afterwards.
    Statement(sqlite3* db, std::string_view sql);
    // A statement from the cache, reset and unbound afterwards for the next user.
    Statement(StatementCache& cache, std::string_view sql);
    enum class Once { yes };
    // A statement prepared for this one use on either store (SQL made for one request, or a long
    // read): on PostgreSQL its rows are fetched a batch at a time through a cursor.
    Statement(StatementCache& cache, std::string_view sql, Once);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
    Statement& bind(int index, bool value) { return bind(index, std::int64_t{value ? 1 : 0}); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind_null(int index);
    template <typename T> Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }
    // Binds each argument in order, from parameter 1.
    template <typename... Args> Statement& bind_all(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }
    // Advances to the next row; false when there are no more rows.
    bool step();
    std::int64_t column_int(int index) const;
    double column_double(int index) const;
    std::string column_text(int index) const;
    // The text of a column without a copy: valid until the statement steps or resets.
    std::string_view column_view(int index) const;
    bool column_is_null(int index) const;
    std::optional<std::int64_t> column_optional_int(int index) const;
    std::optional<std::string> column_optional_text(int index) const;
    // Runs a statement that returns no rows; returns the number of rows it changed.
    int run();

  private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* statement_ = nullptr;
    StatementCache::Entry* cached_ = nullptr;
    std::unique_ptr<PostgresQuery> pg_; // set on PostgreSQL, where the fields above are unused
};

// The first column of every row left in `statement`, as text (ids, names).
std::vector<std::string> first_column_texts(Statement& statement);

// The first row of `query` with `args` bound, read by `read`; std::nullopt when there is none.
template <typename Read, typename... Args>
auto first_row(StatementCache& statements, std::string_view query, Read read, const Args&... args)
    -> std::optional<std::invoke_result_t<Read, Statement&>> {
    Statement s(statements, query);
    s.bind_all(args...);
    if (!s.step()) return std::nullopt;
    return read(s);
}

} // namespace orchard::store
