#include "tests/support/test_database.h"

#include "server/hashing.h"
#include "server/store/database.h"
#include "server/store/dialect.h"
#include "server/store/postgres.h"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace orchard::test {

namespace {

// The cluster's base URL: ORCHARD_TEST_POSTGRES itself, or the first line of the file named by
// ORCHARD_TEST_POSTGRES_URL_FILE (ctest's runs: the cluster's port is known only once it started).
const char* postgres_base() {
    static const std::string base = [] {
        if (const char* url = std::getenv("ORCHARD_TEST_POSTGRES"); url && *url)
            return std::string(url);
        const char* file = std::getenv("ORCHARD_TEST_POSTGRES_URL_FILE");
        if (!file || !*file) return std::string();
        std::ifstream in(file);
        std::string url;
        std::getline(in, url);
        if (url.empty())
            throw std::runtime_error(std::string("no PostgreSQL cluster's URL in ") + file);
        return url;
    }();
    return base.empty() ? nullptr : base.c_str();
}

// A name PostgreSQL accepts, the same for the same folder (a restarted server finds its data).
std::string database_name(const std::filesystem::path& data_dir) {
    return "orchard_" + blake2b_hex(std::filesystem::absolute(data_dir).string(), 12);
}

// Runs SQL on the cluster's maintenance database (CREATE and DROP DATABASE run outside a
// transaction there).
void maintain(const std::string& sql) {
    auto connection = store::connect_postgres(std::string(postgres_base()) + "/postgres");
    store::execute(connection.get(), sql);
}

std::atomic<int> g_sqlite_here = 0;

} // namespace

SqliteHere::SqliteHere() {
    ++g_sqlite_here;
}

SqliteHere::~SqliteHere() {
    --g_sqlite_here;
}

bool on_postgres() {
    return postgres_base() != nullptr && g_sqlite_here == 0;
}

std::filesystem::path postgres_cluster_folder() {
    if (const char* url = std::getenv("ORCHARD_TEST_POSTGRES"); url && *url) return {};
    const char* file = std::getenv("ORCHARD_TEST_POSTGRES_URL_FILE");
    return file && *file ? std::filesystem::path(file).parent_path() : std::filesystem::path();
}

std::string database_url(const std::filesystem::path& data_dir) {
    if (!postgres_base()) return "";
    const std::string name = database_name(data_dir);
    const std::string url = std::string(postgres_base()) + "/" + name;
    const auto marker = data_dir / ".postgres-database";
    if (!std::filesystem::exists(marker)) {
        std::filesystem::create_directories(data_dir);
        maintain("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        maintain("CREATE DATABASE " + name);
        std::FILE* file = std::fopen(marker.c_str(), "w");
        if (file) std::fclose(file);
    }
    return url;
}

void drop_database(const std::filesystem::path& data_dir) {
    if (!postgres_base() || !std::filesystem::exists(data_dir / ".postgres-database")) return;
    maintain("DROP DATABASE IF EXISTS " + database_name(data_dir) + " WITH (FORCE)");
}

std::string data_options(const std::filesystem::path& data_dir) {
    std::string options = "--data '" + data_dir.string() + "'";
    if (on_postgres()) options += " --database '" + database_url(data_dir) + "'";
    return options;
}

std::string json_number(const std::string& column, const std::string& key) {
    return store::dialect::json_number(on_postgres(), column, "'" + key + "'");
}

std::string json_length(const std::string& column) {
    if (on_postgres()) return "jsonb_array_length(" + column + "::jsonb)";
    return "json_array_length(" + column + ")";
}

std::unique_ptr<store::Database> open_database(const std::filesystem::path& data_dir) {
    return store::Database::open_data(data_dir, database_url(data_dir));
}

} // namespace orchard::test
