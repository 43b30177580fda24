#include "server/store/migrations.h"

#include "server/store/sqlite.h"

#include <array>
#include <string>

namespace orchard::store {

namespace {

constexpr std::array kMigrations{
    Migration{1, "server metadata", R"sql(
        CREATE TABLE server_meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        INSERT INTO server_meta (key, value)
            VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    )sql"},
};

} // namespace

std::span<const Migration> all_migrations() {
    return kMigrations;
}

int apply_migrations(sqlite3* db, std::span<const Migration> migrations) {
    execute(db, "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "  version    INTEGER PRIMARY KEY,"
                "  name       TEXT NOT NULL,"
                "  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))");
    Statement current(db, "SELECT coalesce(max(version), 0) FROM schema_migrations");
    current.step();
    int version = static_cast<int>(current.column_int(0));
    const int newest = migrations.empty() ? 0 : migrations.back().version;
    if (version > newest)
        throw SqliteError("the database has schema version " + std::to_string(version) +
                          " but this build knows only up to " + std::to_string(newest) +
                          "; use a newer Orchard");
    for (const auto& migration : migrations) {
        if (migration.version <= version) continue;
        execute(db, "BEGIN IMMEDIATE");
        try {
            execute(db, migration.sql);
            Statement record(db, "INSERT INTO schema_migrations (version, name) VALUES (?, ?)");
            record.bind(1, std::int64_t{migration.version}).bind(2, migration.name).step();
            execute(db, "COMMIT");
        } catch (...) {
            execute(db, "ROLLBACK");
            throw;
        }
        version = migration.version;
    }
    return version;
}

} // namespace orchard::store
