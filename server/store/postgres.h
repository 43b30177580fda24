// PostgreSQL through Debian's libpq: connections, and the one query behind a Statement. Only
// server/store/ includes this.
#pragma once

#include "server/store/statement.h"

#include <libpq-fe.h>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::store {

// Whether `location` names a PostgreSQL database (postgresql:// or postgres://) rather than a
// SQLite file.
bool is_postgres_url(std::string_view location);

// `sql` with SQLite's parameters (`?` numbered in order, `?N`) as PostgreSQL's ($N), outside
// quoted text and comments, without SQLite's planner hints (`AND +column`, `CROSS JOIN ... ON`),
// and the type of each parameter for PQprepare: 0 (PostgreSQL infers it from where it is used) or
// text for one the statement leaves out (SQLite lets a statement skip numbers, e.g. a filter that
// is absent; PostgreSQL must know every type).
struct PostgresSql {
    std::string text;
    std::vector<Oid> types;
};
PostgresSql postgres_parameters(std::string_view sql);

struct PostgresConnectionDeleter {
    void operator()(PGconn* connection) const { PQfinish(connection); }
};
using PostgresConnection = std::unique_ptr<PGconn, PostgresConnectionDeleter>;

// Connects, or throws DatabaseError saying why (the password is never part of the message).
PostgresConnection connect_postgres(const std::string& url);

// Runs SQL without parameters, one or more statements (schema changes, BEGIN, COMMIT).
void execute(PGconn* connection, const std::string& sql);

// The error of a failed result as a DatabaseError with its SQLSTATE.
DatabaseError postgres_error(PGconn* connection, const PGresult* result, std::string_view doing);

struct PostgresResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using PostgresResult = std::unique_ptr<PGresult, PostgresResultDeleter>;

// One execution of a statement: its parameters as text (PostgreSQL converts them to the types the
// statement infers), then its rows, read whole or, for a one-off statement, through a cursor a
// batch at a time so that a long read holds little memory.
struct PostgresQuery {
    PGconn* connection = nullptr;
    std::string name;        // the prepared statement; empty for a one-off
    PostgresSql one_off;     // a one-off's SQL, with PostgreSQL's parameters
    bool use_cursor = false; // a one-off read: its rows come through a cursor
    std::string cursor;      // that cursor, once declared
    std::vector<std::string> values;
    std::vector<char> is_null;
    PostgresResult result;
    int row = -1;
    int rows = 0;
    bool executed = false;
    bool finished = false;

    void bind(int index, std::string_view value);
    void bind_null(int index);
    bool step();
    int run();
    const char* value(int column) const { return PQgetvalue(result.get(), row, column); }
    int length(int column) const { return PQgetlength(result.get(), row, column); }
    bool null(int column) const { return PQgetisnull(result.get(), row, column) == 1; }
    ~PostgresQuery();

  private:
    PostgresResult execute_prepared();
    void fetch();
};

} // namespace orchard::store
