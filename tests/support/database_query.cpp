#include "tests/support/database_query.h"

#include "tests/support/test_database.h"

#include "server/store/postgres.h"
#include "server/store/sqlite.h"

#include <stdexcept>

namespace orchard::test {

namespace {

// (Not Catch's REQUIRE: benchmarks use these helpers too, without Catch's main.)
void open_file(const std::filesystem::path& data_dir, sqlite3*& db) {
    if (sqlite3_open_v2((data_dir / "orchard.db").c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open the database in " + data_dir.string());
    }
}

template <typename Read>
auto first_value(const std::filesystem::path& data_dir, const std::string& sql, Read read) {
    decltype(read(std::declval<store::Statement&>())) value{};
    if (on_postgres()) {
        auto connection = store::connect_postgres(database_url(data_dir));
        store::StatementCache statements(connection.get(), false);
        store::Statement statement(statements, sql);
        if (statement.step()) value = read(statement);
        return value;
    }
    sqlite3* db = nullptr;
    open_file(data_dir, db);
    sqlite3_busy_timeout(db, 5000);
    {
        store::Statement statement(db, sql);
        if (statement.step()) value = read(statement);
    }
    sqlite3_close(db);
    return value;
}

} // namespace

long long query_int(const std::filesystem::path& data_dir, const std::string& sql) {
    return first_value(data_dir, sql,
                       [](store::Statement& s) { return static_cast<long long>(s.column_int(0)); });
}

std::string query_text(const std::filesystem::path& data_dir, const std::string& sql) {
    return first_value(data_dir, sql, [](store::Statement& s) { return s.column_text(0); });
}

void execute_sql(const std::filesystem::path& data_dir, const std::string& sql) {
    if (on_postgres()) {
        auto connection = store::connect_postgres(database_url(data_dir));
        store::execute(connection.get(), sql);
        return;
    }
    sqlite3* db = nullptr;
    open_file(data_dir, db);
    sqlite3_busy_timeout(db, 5000);
    try {
        store::execute(db, sql.c_str());
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    sqlite3_close(db);
}

} // namespace orchard::test
