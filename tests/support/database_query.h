// One value read by SQL from a running server's database (its SQLite file, or its PostgreSQL
// database on a PostgreSQL run), for tests that check what was stored (or, in a few, set up a
// state no API call makes). Opened as a second connection, so only committed data is seen; waits
// up to 5 s while the server holds SQLite's write lock.
#pragma once

#include "tests/support/test_database.h"

#include <filesystem>
#include <string>

namespace orchard::test {

// The first column of the first row (0 or "" when there is no row). `data_dir` is the folder
// given to `orchard serve --data`.
long long query_int(const std::filesystem::path& data_dir, const std::string& sql);
std::string query_text(const std::filesystem::path& data_dir, const std::string& sql);
// Runs statements that return nothing (a state no API call makes, a row tampered with).
void execute_sql(const std::filesystem::path& data_dir, const std::string& sql);

} // namespace orchard::test
