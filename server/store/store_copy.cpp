#include "server/store/store_copy.h"

#include "server/store/database.h"
#include "server/store/postgres.h"
#include "server/store/sqlite.h"

#include <cstdio>
#include <cstdlib>
#include <limits>
#include <sqlite3.h>

namespace orchard::store {

namespace {

// Rows per committed chunk: a resumed copy repeats at most this many.
constexpr int kChunkRows = 20000;

enum class Affinity { Integer, Real, Text };

struct Column {
    std::string name;
    Affinity affinity;
};

struct SourceTable {
    std::string name;
    std::vector<Column> columns;
    bool has_rowid = true; // else (WITHOUT ROWID) chunks go by position in key order
    std::string key_order; // its primary key's columns, for WITHOUT ROWID tables
};

std::string quoted(const std::string& identifier) {
    return "\"" + identifier + "\"";
}

std::string column_list(const SourceTable& table) {
    std::string list;
    for (const auto& column : table.columns)
        list += (list.empty() ? "" : ", ") + quoted(column.name);
    return list;
}

// SQLite's rules for a declared type's affinity (https://sqlite.org/datatype3.html §3.1).
Affinity affinity_of(std::string type) {
    for (auto& c : type)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (type.find("INT") != std::string::npos) return Affinity::Integer;
    if (type.find("REAL") != std::string::npos || type.find("FLOA") != std::string::npos ||
        type.find("DOUB") != std::string::npos)
        return Affinity::Real;
    return Affinity::Text;
}

// Every table Orchard keeps, but not SQLite's own, the full-text index (PostgreSQL has its own,
// made from the rows) nor the migrations' record (each side keeps its own).
std::vector<SourceTable> source_tables(sqlite3* db) {
    std::vector<std::string> virtual_tables;
    std::vector<std::pair<std::string, std::string>> tables;
    {
        Statement list(db,
                       "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name");
        while (list.step()) {
            const std::string sql = list.column_text(1);
            if (sql.starts_with("CREATE VIRTUAL TABLE"))
                virtual_tables.push_back(list.column_text(0));
            else
                tables.emplace_back(list.column_text(0), sql);
        }
    }
    std::vector<SourceTable> result;
    for (const auto& [name, sql] : tables) {
        if (name.starts_with("sqlite_") || name == "schema_migrations") continue;
        bool shadow = false; // a virtual table's own storage (messages_fts_data, ...)
        for (const auto& owner : virtual_tables)
            shadow = shadow || name.starts_with(owner + "_");
        if (shadow) continue;
        SourceTable table{name, {}, sql.find("WITHOUT ROWID") == std::string::npos, ""};
        Statement info(db, "SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid");
        info.bind(1, name);
        std::vector<std::pair<std::int64_t, std::string>> key;
        while (info.step()) {
            table.columns.push_back({info.column_text(0), affinity_of(info.column_text(1))});
            if (info.column_int(2) > 0) key.emplace_back(info.column_int(2), info.column_text(0));
        }
        std::sort(key.begin(), key.end());
        for (const auto& [position, column] : key)
            table.key_order += (table.key_order.empty() ? "" : ", ") + quoted(column);
        result.push_back(std::move(table));
    }
    // Referenced tables first: PostgreSQL checks each row's foreign keys as it arrives.
    std::vector<SourceTable> ordered;
    while (!result.empty()) {
        const size_t before = result.size();
        for (auto it = result.begin(); it != result.end();) {
            Statement references(db, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)");
            references.bind(1, it->name);
            bool ready = true;
            while (references.step())
                for (const auto& waiting : result)
                    ready = ready &&
                            (waiting.name != references.column_text(0) || waiting.name == it->name);
            if (ready) {
                ordered.push_back(std::move(*it));
                it = result.erase(it);
            } else {
                ++it;
            }
        }
        if (result.size() == before) throw DatabaseError("the tables' foreign keys form a circle");
    }
    return ordered;
}

// A value as both sides' checksums see it: an integer in decimal, a real number with all its
// digits, text as it is.
std::string canonical_real(double value) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

// COPY's text format: tab between columns, \N for NULL, and the special characters escaped.
void append_copy_value(std::string& line, std::string_view value) {
    for (const char c : value) {
        switch (c) {
        case '\\':
            line += "\\\\";
            break;
        case '\t':
            line += "\\t";
            break;
        case '\n':
            line += "\\n";
            break;
        case '\r':
            line += "\\r";
            break;
        default:
            line += c;
        }
    }
}

// A row's checksum term; the table's checksum is their sum, so row order does not matter
// (SQLite's and PostgreSQL's orders of text differ).
std::uint64_t row_hash(const std::vector<std::optional<std::string>>& values) {
    std::uint64_t hash = 1469598103934665603ULL; // FNV-1a
    for (const auto& value : values) {
        const std::string_view bytes =
            value ? std::string_view(*value) : std::string_view("\x01N", 2);
        for (const char c : bytes)
            hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
        hash = (hash ^ 0x1f) * 1099511628211ULL;
    }
    return hash;
}

struct Tally {
    std::int64_t rows = 0;
    std::uint64_t checksum = 0;
    bool operator==(const Tally&) const = default;
};

std::optional<std::string> sqlite_value(const Statement& row, int index, Affinity affinity) {
    if (row.column_is_null(index)) return std::nullopt;
    if (affinity == Affinity::Integer) return std::to_string(row.column_int(index));
    if (affinity == Affinity::Real) return canonical_real(row.column_double(index));
    return row.column_text(index);
}

Tally sqlite_tally(sqlite3* db, const SourceTable& table) {
    Tally tally;
    Statement rows(db, "SELECT " + column_list(table) + " FROM " + quoted(table.name));
    std::vector<std::optional<std::string>> values(table.columns.size());
    while (rows.step()) {
        for (size_t i = 0; i < table.columns.size(); ++i)
            values[i] = sqlite_value(rows, static_cast<int>(i), table.columns[i].affinity);
        ++tally.rows;
        tally.checksum += row_hash(values);
    }
    return tally;
}

Tally postgres_tally(StatementCache& target, const SourceTable& table) {
    Tally tally;
    execute(target.postgres(), "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // A one-off statement: its rows come through a cursor, a batch at a time.
    Statement rows(target, "SELECT " + column_list(table) + " FROM " + quoted(table.name),
                   Statement::Once::yes);
    std::vector<std::optional<std::string>> values(table.columns.size());
    while (rows.step()) {
        for (size_t i = 0; i < table.columns.size(); ++i) {
            const int column = static_cast<int>(i);
            if (rows.column_is_null(column))
                values[i].reset();
            else if (table.columns[i].affinity == Affinity::Real)
                values[i] = canonical_real(std::strtod(rows.column_text(column).c_str(), nullptr));
            else
                values[i] = rows.column_text(column);
        }
        ++tally.rows;
        tally.checksum += row_hash(values);
    }
    execute(target.postgres(), "COMMIT");
    return tally;
}

// How far the copy of `table` got (`started`: whether it began at all).
std::int64_t progress_of(StatementCache& target, const std::string& table, bool& started) {
    Statement row(target, "SELECT copied_to FROM migrate_progress WHERE table_name = ?");
    row.bind_all(table);
    started = row.step();
    return started ? row.column_int(0) : 0;
}

void set_progress(StatementCache& target, const std::string& table, std::int64_t copied_to) {
    Statement(target, "INSERT INTO migrate_progress (table_name, copied_to) VALUES (?, ?) "
                      "ON CONFLICT (table_name) DO UPDATE SET copied_to = excluded.copied_to")
        .bind_all(table, copied_to)
        .run();
}

void copy_in(PGconn* connection, const SourceTable& table, const std::string& data) {
    PostgresResult start(PQexec(
        connection,
        ("COPY " + quoted(table.name) + " (" + column_list(table) + ") FROM STDIN").c_str()));
    if (!start || PQresultStatus(start.get()) != PGRES_COPY_IN)
        throw postgres_error(connection, start.get(), "copying " + table.name);
    if (PQputCopyData(connection, data.data(), static_cast<int>(data.size())) != 1 ||
        PQputCopyEnd(connection, nullptr) != 1)
        throw postgres_error(connection, nullptr, "copying " + table.name);
    std::optional<DatabaseError> failure;
    while (PostgresResult result{PQgetResult(connection)}) {
        if (PQresultStatus(result.get()) != PGRES_COMMAND_OK && !failure)
            failure = postgres_error(connection, result.get(), "copying " + table.name);
    }
    if (failure) throw *failure;
}

// Copies the rows of `table` not copied yet, a chunk per transaction; returns how many.
std::int64_t copy_table(sqlite3* db, StatementCache& target, const SourceTable& table) {
    PGconn* connection = target.postgres();
    std::int64_t copied_now = 0;
    while (true) {
        execute(connection, "BEGIN");
        bool started = false;
        const std::int64_t done_to = progress_of(target, table.name, started);
        // The first chunk replaces whatever the migrations put there (the time frames' cursors).
        if (!started) execute(connection, "DELETE FROM " + quoted(table.name));
        // Rowid tables resume after the last rowid copied; the others after as many rows, in
        // key order.
        Statement rows(db, table.has_rowid
                               ? "SELECT rowid, " + column_list(table) + " FROM " +
                                     quoted(table.name) + " WHERE rowid > ? ORDER BY rowid LIMIT ?"
                               : "SELECT 0, " + column_list(table) + " FROM " + quoted(table.name) +
                                     " ORDER BY " + table.key_order + " LIMIT ?2 OFFSET ?1");
        // (Row ids start wherever a table's rows were numbered: frame 0 is row 0.)
        const std::int64_t after =
            table.has_rowid && !started ? std::numeric_limits<std::int64_t>::min() : done_to;
        rows.bind(1, after).bind(2, kChunkRows);
        std::string data;
        std::int64_t count = 0, last_rowid = after;
        while (rows.step()) {
            last_rowid = rows.column_int(0);
            for (size_t i = 0; i < table.columns.size(); ++i) {
                if (i > 0) data += '\t';
                const auto value =
                    sqlite_value(rows, static_cast<int>(i) + 1, table.columns[i].affinity);
                if (value)
                    append_copy_value(data, *value);
                else
                    data += "\\N";
            }
            data += '\n';
            ++count;
        }
        if (count > 0) copy_in(connection, table, data);
        set_progress(target, table.name, table.has_rowid ? last_rowid : done_to + count);
        execute(connection, "COMMIT");
        copied_now += count;
        if (count < kChunkRows) return copied_now;
    }
}

// Numbers PostgreSQL gives new rows continue after the copied ones.
void advance_identities(StatementCache& target) {
    Statement columns(target, "SELECT table_name, column_name FROM information_schema.columns "
                              "WHERE is_identity = 'YES' AND table_schema = current_schema()");
    while (columns.step()) {
        const std::string table = quoted(columns.column_text(0));
        const std::string column = columns.column_text(1);
        execute(target.postgres(), "SELECT setval(pg_get_serial_sequence('" + table + "', '" +
                                       column + "'), coalesce((SELECT max(" + quoted(column) +
                                       ") FROM " + table + "), 0) + 1, false)");
    }
}

} // namespace

bool CopyReport::verified() const {
    for (const auto& table : tables)
        if (!table.verified) return false;
    return !tables.empty();
}

CopyReport copy_sqlite_to_postgres(const std::filesystem::path& sqlite_file,
                                   const std::string& postgres_url,
                                   const std::function<void(const TableCopy&)>& progress) {
    if (!std::filesystem::exists(sqlite_file))
        throw DatabaseError("there is no database at " + sqlite_file.string());
    // Both schemas at this build's version: the same tables and columns on both sides.
    Database::open(sqlite_file);
    Database::open_postgres(postgres_url, "", sqlite_file.parent_path());

    sqlite3* db = nullptr;
    if (sqlite3_open_v2(sqlite_file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        const std::string reason = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        throw DatabaseError("cannot open " + sqlite_file.string() + ": " + reason);
    }
    struct Close {
        sqlite3* db;
        ~Close() { sqlite3_close_v2(db); }
    } close{db};
    sqlite3_busy_timeout(db, 5000);
    PostgresConnection connection = connect_postgres(postgres_url);
    StatementCache target(connection.get(), false); // before the connection closes, it goes

    // A target with data of its own is not ours to fill: only a fresh one, or this copy's.
    const auto has_row = [&](const std::string& sql) { return Statement(target, sql).step(); };
    const bool resuming = has_row("SELECT 1 FROM information_schema.tables WHERE table_name = "
                                  "'migrate_progress' AND table_schema = current_schema()");
    if (!resuming) {
        if (has_row("SELECT 1 FROM users LIMIT 1") || has_row("SELECT 1 FROM messages LIMIT 1") ||
            has_row("SELECT 1 FROM api_clients LIMIT 1"))
            throw DatabaseError("the PostgreSQL database already holds Orchard data; migrate "
                                "copies into an empty one (or resumes its own copy)");
        execute(connection.get(), "CREATE TABLE migrate_progress (table_name TEXT PRIMARY KEY, "
                                  "copied_to BIGINT NOT NULL)");
    }

    CopyReport report;
    const auto tables = source_tables(db);
    // One read transaction over the whole copy, so that every table is of one moment.
    execute(db, "BEGIN");
    for (const auto& table : tables) {
        TableCopy done{table.name, 0, copy_table(db, target, table), false};
        const Tally source = sqlite_tally(db, table);
        const Tally copy = postgres_tally(target, table);
        done.rows = source.rows;
        done.verified = source == copy;
        report.tables.push_back(done);
        if (progress) progress(done);
    }
    execute(db, "COMMIT");
    advance_identities(target);
    // Verified whole: the copy's bookkeeping goes; a run now would find the target taken.
    if (report.verified()) execute(connection.get(), "DROP TABLE migrate_progress");
    return report;
}

} // namespace orchard::store
