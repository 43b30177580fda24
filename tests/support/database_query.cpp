#include "tests/support/database_query.h"

#include "server/store/sqlite.h"

#include <catch2/catch.hpp>

namespace orchard::test {

namespace {

template <typename Read>
auto first_value(const std::filesystem::path& data_dir, const std::string& sql, Read read) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2((data_dir / "orchard.db").c_str(), &db, SQLITE_OPEN_READWRITE,
                            nullptr) == SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    decltype(read(std::declval<store::Statement&>())) value{};
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

} // namespace orchard::test
