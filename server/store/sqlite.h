// Thin RAII wrappers over the SQLite C API: a connection and prepared statements. Only
// server/store/ includes this; SQL is always prepared and bound, never concatenated with values.
#pragma once

#include <cstdint>
#include <optional>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <string_view>

namespace orchard::store {

struct SqliteError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Statement {
  public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view value);
    // Advances to the next row; false when there are no more rows.
    bool step();
    std::int64_t column_int(int index) const;
    std::string column_text(int index) const;

  private:
    sqlite3* db_;
    sqlite3_stmt* statement_ = nullptr;
};

// Runs one or more statements that take no parameters and return no rows (schema changes).
void execute(sqlite3* db, const char* sql);

} // namespace orchard::store
