#include "tests/support/database_digest.h"

#include "tests/support/test_database.h"

#include "server/store/postgres.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <sqlite3.h>
#include <stdexcept>
#include <vector>

namespace orchard::test {

namespace {

// FNV-1a: stable across runs and builds, unlike std::hash.
std::uint64_t fnv1a(const std::string& bytes, std::uint64_t hash = 14695981039346656037ull) {
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

std::vector<std::string> query_rows(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
        throw std::runtime_error("digest: cannot prepare " + sql + ": " + sqlite3_errmsg(db));
    std::vector<std::string> rows;
    int step = SQLITE_OK;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        std::string row;
        for (int column = 0; column < sqlite3_column_count(statement); ++column) {
            // Type tag and length before each value, so that ("ab","c") differs from ("a","bc").
            const int type = sqlite3_column_type(statement, column);
            const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
            const int size = sqlite3_column_bytes(statement, column);
            row += std::to_string(type) + ":" + std::to_string(size) + ":";
            if (bytes) row.append(bytes, static_cast<size_t>(size));
        }
        rows.push_back(std::move(row));
    }
    sqlite3_finalize(statement);
    if (step != SQLITE_DONE)
        throw std::runtime_error("digest: cannot read " + sql + ": " + sqlite3_errmsg(db));
    return rows;
}

std::string hash_rows(std::vector<std::string> rows) {
    std::sort(rows.begin(), rows.end());
    std::uint64_t hash = fnv1a(std::to_string(rows.size()));
    for (const auto& row : rows)
        hash = fnv1a(row + '\n', hash);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

// Each row of a PostgreSQL query as PostgreSQL writes the whole row as text.
std::vector<std::string> postgres_rows(PGconn* connection, const std::string& sql) {
    store::PostgresResult result(PQexec(connection, sql.c_str()));
    if (!result || PQresultStatus(result.get()) != PGRES_TUPLES_OK)
        throw std::runtime_error("digest: cannot read " + sql + ": " + PQerrorMessage(connection));
    std::vector<std::string> rows;
    for (int row = 0; row < PQntuples(result.get()); ++row)
        rows.emplace_back(PQgetvalue(result.get(), row, 0));
    return rows;
}

// Not the data a refusal must leave alone: how many requests each client made, which a refused
// request counts against too, by design (else invalid requests would be free); on PostgreSQL it
// is a table, in one SQLite server's memory.
bool is_request_count(const std::string& table) {
    return table == "rate_limits";
}

std::map<std::string, std::string> postgres_digest(const std::filesystem::path& data_dir) {
    auto connection = store::connect_postgres(database_url(data_dir));
    std::map<std::string, std::string> digest;
    for (const auto& name :
         postgres_rows(connection.get(), "SELECT tablename FROM pg_tables WHERE schemaname = "
                                         "'public' ORDER BY tablename"))
        if (!is_request_count(name))
            digest[name] = hash_rows(
                postgres_rows(connection.get(), "SELECT t::text FROM \"" + name + "\" t"));
    return digest;
}

} // namespace

std::map<std::string, std::string> database_digest(const std::filesystem::path& data_dir) {
    if (on_postgres()) return postgres_digest(data_dir);
    const auto database_file = data_dir / "orchard.db";
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(database_file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("digest: cannot open " + database_file.string());
    }
    sqlite3_busy_timeout(db, 5000);
    std::map<std::string, std::string> digest;
    try {
        for (const auto& table :
             query_rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                            "LIKE 'sqlite_%' ORDER BY name")) {
            // query_rows tags each value; the name is what follows the second colon.
            const std::string name = table.substr(table.find(':', table.find(':') + 1) + 1);
            if (!is_request_count(name))
                digest[name] = hash_rows(query_rows(db, "SELECT * FROM \"" + name + "\""));
        }
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    sqlite3_close(db);
    return digest;
}

std::string changed_tables(const std::map<std::string, std::string>& before,
                           const std::map<std::string, std::string>& after) {
    std::string changed;
    for (const auto& [table, hash] : after) {
        const auto old = before.find(table);
        if (old == before.end() || old->second != hash)
            changed += (changed.empty() ? "" : ", ") + table;
    }
    for (const auto& [table, hash] : before)
        if (!after.contains(table)) changed += (changed.empty() ? "" : ", ") + table + " (gone)";
    return changed;
}

} // namespace orchard::test
