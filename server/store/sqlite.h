// The SQLite side of the store beyond statements (statement.h): for code that holds a SQLite
// connection itself (the database, its read connections, the WAL checkpointer, tests).
#pragma once

#include "server/store/statement.h"

#include <sqlite3.h>

namespace orchard::store {

// Runs one or more statements that take no parameters and return no rows (schema changes).
void execute(sqlite3* db, const char* sql);

} // namespace orchard::store
