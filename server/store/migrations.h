// The database schema as an ordered list of versioned migrations. Each runs once, in its own
// transaction, and is recorded in schema_migrations; a database newer than this build is refused.
#pragma once

#include <span>
#include <sqlite3.h>

namespace orchard::store {

struct Migration {
    int version;
    const char* name;
    const char* sql;
};

std::span<const Migration> all_migrations();

// Applies the migrations the database does not have yet; returns the resulting schema version.
int apply_migrations(sqlite3* db, std::span<const Migration> migrations);

} // namespace orchard::store
