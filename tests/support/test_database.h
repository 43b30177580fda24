// Which store the tests run on. SQLite by default; PostgreSQL when ORCHARD_TEST_POSTGRES holds a
// cluster's base URL (postgresql://user@host:port, from scripts/postgres_cluster.sh), or
// ORCHARD_TEST_POSTGRES_URL_FILE names the file the script wrote it to: the same tests then run
// against PostgreSQL, each test folder with a database of its own.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace orchard::store {
class Database;
}

namespace orchard::test {

bool on_postgres();

// While one exists, this process's servers, commands and queries use SQLite even on a PostgreSQL
// run: for a test that needs both stores (`orchard migrate`). database_url still makes databases.
class SqliteHere {
  public:
    SqliteHere();
    ~SqliteHere();
    SqliteHere(const SqliteHere&) = delete;
    SqliteHere& operator=(const SqliteHere&) = delete;
};

// The folder scripts/postgres_cluster.sh started the cluster in (where ctest's URL file is);
// empty when the cluster was named by ORCHARD_TEST_POSTGRES alone.
std::filesystem::path postgres_cluster_folder();

// The PostgreSQL URL of `data_dir`'s database, made on first use; "" on SQLite.
std::string database_url(const std::filesystem::path& data_dir);

// Removes `data_dir`'s PostgreSQL database, if it made one (TempDir does, at its end).
void drop_database(const std::filesystem::path& data_dir);

// The options that point an `orchard` command at `data_dir`'s data, quoted for a shell.
std::string data_options(const std::filesystem::path& data_dir);

// SQL for the number under `key` of the JSON object stored as text in `column`, on this store.
std::string json_number(const std::string& column, const std::string& key);
// SQL for a JSON array's length, likewise.
std::string json_length(const std::string& column);

// The database of `data_dir` opened as the server opens it.
std::unique_ptr<store::Database> open_database(const std::filesystem::path& data_dir);

} // namespace orchard::test
