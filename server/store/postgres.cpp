#include "server/store/postgres.h"

#include <atomic>
#include <cstdlib>

namespace orchard::store {

namespace {

// Rows a one-off statement's cursor fetches at a time: few round trips, little memory.
constexpr int kCursorBatch = 2000;

std::string trimmed_message(const char* message) {
    std::string text = message ? message : "unknown error";
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

} // namespace

bool is_postgres_url(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

PostgresSql postgres_parameters(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    std::vector<bool> used;
    int parameters = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'' || c == '"') { // quoted text or name, with doubled quotes inside
            const std::size_t end = sql.find(c, i + 1);
            const std::size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
            out.append(sql.substr(i, stop - i));
            i = stop - 1;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            const std::size_t end = sql.find('\n', i);
            const std::size_t stop = end == std::string_view::npos ? sql.size() : end;
            out.append(sql.substr(i, stop - i));
            i = stop - 1;
        } else if (c == 'C' && sql.substr(i).starts_with("CROSS JOIN ") && out.ends_with(' ')) {
            // SQLite's way to fix the order of a join (ON clause and all): a plain join here.
            out += "JOIN ";
            i += 10;
        } else if (c == '+' && (out.ends_with("AND ") || out.ends_with("WHERE "))) {
            // SQLite's unary plus that keeps its planner off an index: PostgreSQL plans
            // by itself and has no unary plus for text.
        } else if (c == '?') {
            int number = 0;
            std::size_t j = i + 1;
            while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9')
                number = number * 10 + (sql[j++] - '0');
            // As SQLite numbers them: a bare ? is one more than the largest number so far.
            if (j == i + 1) number = parameters + 1;
            if (number > parameters) parameters = number;
            if (number > 0) {
                if (used.size() < static_cast<std::size_t>(number)) used.resize(number);
                used[static_cast<std::size_t>(number - 1)] = true;
            }
            out += '$';
            out += std::to_string(number);
            i = j - 1;
        } else {
            out += c;
        }
    }
    constexpr Oid kText = 25; // pg_type's text
    std::vector<Oid> types(static_cast<std::size_t>(parameters), 0);
    for (std::size_t i = 0; i < types.size(); ++i)
        if (i >= used.size() || !used[i]) types[i] = kText;
    return {std::move(out), std::move(types)};
}

PostgresConnection connect_postgres(const std::string& url) {
    PostgresConnection connection(PQconnectdb(url.c_str()));
    if (!connection) throw DatabaseError("cannot connect to PostgreSQL: out of memory");
    if (PQstatus(connection.get()) != CONNECTION_OK)
        throw DatabaseError("cannot connect to PostgreSQL: " +
                            trimmed_message(PQerrorMessage(connection.get())));
    // Notices (e.g. "relation already exists, skipping") are not for the server's log.
    PQsetNoticeProcessor(
        connection.get(), [](void*, const char*) {}, nullptr);
    execute(connection.get(), "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'");
    return connection;
}

DatabaseError postgres_error(PGconn* connection, const PGresult* result, std::string_view doing) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* message = result ? PQresultErrorMessage(result) : PQerrorMessage(connection);
    if (!message || !*message) message = PQerrorMessage(connection);
    return DatabaseError(std::string(doing) + " failed: " + trimmed_message(message),
                         state ? state : "");
}

void execute(PGconn* connection, const std::string& sql) {
    PostgresResult result(PQexec(connection, sql.c_str()));
    const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        throw postgres_error(connection, result.get(), "exec");
}

void PostgresQuery::bind(int index, std::string_view value) {
    const auto slot = static_cast<std::size_t>(index - 1);
    if (index < 1 || slot >= values.size())
        throw DatabaseError("bind failed: no parameter " + std::to_string(index));
    values[slot].assign(value);
    is_null[slot] = 0;
}

void PostgresQuery::bind_null(int index) {
    const auto slot = static_cast<std::size_t>(index - 1);
    if (index < 1 || slot >= values.size())
        throw DatabaseError("bind failed: no parameter " + std::to_string(index));
    is_null[slot] = 1;
}

PostgresResult PostgresQuery::execute_prepared() {
    std::vector<const char*> pointers(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        pointers[i] = is_null[i] ? nullptr : values[i].c_str();
    const int count = static_cast<int>(values.size());
    if (!name.empty())
        return PostgresResult(
            PQexecPrepared(connection, name.c_str(), count, pointers.data(), nullptr, nullptr, 0));
    if (!use_cursor)
        return PostgresResult(PQexecParams(connection, one_off.text.c_str(), count,
                                           one_off.types.data(), pointers.data(), nullptr, nullptr,
                                           0));
    static std::atomic<std::uint64_t> cursors{0};
    cursor = "orchard_cursor_" + std::to_string(++cursors);
    return PostgresResult(PQexecParams(
        connection, ("DECLARE " + cursor + " NO SCROLL CURSOR FOR " + one_off.text).c_str(), count,
        one_off.types.data(), pointers.data(), nullptr, nullptr, 0));
}

void PostgresQuery::fetch() {
    result.reset(
        PQexec(connection, ("FETCH " + std::to_string(kCursorBatch) + " FROM " + cursor).c_str()));
    if (!result || PQresultStatus(result.get()) != PGRES_TUPLES_OK)
        throw postgres_error(connection, result.get(), "fetch");
    rows = PQntuples(result.get());
    row = -1;
    if (rows < kCursorBatch) finished = true;
}

bool PostgresQuery::step() {
    if (!executed) {
        executed = true;
        result = execute_prepared();
        const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
            throw postgres_error(connection, result.get(), "step");
        if (!cursor.empty()) {
            fetch();
        } else {
            rows = PQntuples(result.get());
            finished = true;
        }
    }
    if (row + 1 < rows) {
        ++row;
        return true;
    }
    if (finished) return false;
    fetch();
    if (rows == 0) return false;
    row = 0;
    return true;
}

int PostgresQuery::run() {
    while (step()) {
    }
    if (!cursor.empty() || !result) return 0;
    const char* changed = PQcmdTuples(result.get());
    return changed && *changed ? std::atoi(changed) : 0;
}

PostgresQuery::~PostgresQuery() {
    if (cursor.empty() || PQtransactionStatus(connection) != PQTRANS_INTRANS) return;
    PostgresResult closed(PQexec(connection, ("CLOSE " + cursor).c_str()));
}

} // namespace orchard::store
