// The database schema as an ordered list of versioned migrations. Each runs once, in its own
// transaction, and is recorded in schema_migrations; a database newer than this build is refused.
// The same numbered migrations make the schema on SQLite and on PostgreSQL: written for SQLite,
// read for PostgreSQL with its types (postgres_schema), with the few parts that differ marked.
#pragma once

#include <span>
#include <sqlite3.h>
#include <string>
#include <string_view>

struct pg_conn;

namespace orchard::store {

struct Migration {
    int version;
    const char* name;
    // For SQLite. Lines between "-- SQLite only {" and "-- }" are left out on PostgreSQL.
    const char* sql;
    // Run on PostgreSQL after the rest, in place of what was left out.
    const char* postgres_extra = "";
};

// A migration's SQL as PostgreSQL runs it: 64-bit integers, identity columns for SQLite's row
// ids, case-insensitive text for NOCASE, SQLite-only parts left out and the extra part added.
std::string postgres_schema(const Migration& migration);

std::span<const Migration> all_migrations();

// Applies the migrations the database does not have yet; returns the resulting schema version.
int apply_migrations(sqlite3* db, std::span<const Migration> migrations);
// The same on PostgreSQL, under an advisory lock: servers starting together migrate once.
int apply_postgres_migrations(pg_conn* connection, std::span<const Migration> migrations);

} // namespace orchard::store
