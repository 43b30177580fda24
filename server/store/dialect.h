// The few spellings of SQL that differ between SQLite and PostgreSQL; everything else in the
// store is written once, in SQL both understand (docs/scaling.md).
#pragma once

#include "server/store/statement.h"

#include <string>
#include <string_view>

namespace orchard::store::dialect {

inline bool postgres(const StatementCache& statements) {
    return statements.postgres() != nullptr;
}

// The number under `key` (an SQL expression naming it: 'spam' or a parameter) in the JSON object
// stored as text in `column`; NULL when absent. (The first form also for tests' own queries.)
inline std::string json_number(bool on_postgres, std::string_view column, std::string_view key) {
    if (on_postgres)
        return "(" + std::string(column) + "::jsonb ->> " + std::string(key) + ")::float8";
    return "json_extract(" + std::string(column) + ", '$.' || " + std::string(key) + ")";
}
inline std::string json_number(const StatementCache& statements, std::string_view column,
                               std::string_view key) {
    return json_number(postgres(statements), column, key);
}

// LIKE that ignores the case of ASCII letters, as SQLite's does.
inline const char* like(const StatementCache& statements) {
    return postgres(statements) ? "ILIKE" : "LIKE";
}

// The texts of `expression` over a group, joined by spaces.
inline std::string joined(const StatementCache& statements, std::string_view expression) {
    if (postgres(statements)) return "string_agg(" + std::string(expression) + ", ' ')";
    return "group_concat(" + std::string(expression) + ", ' ')";
}

// A SELECT's ending that locks the rows it reads until the transaction ends (PostgreSQL; SQLite's
// write transaction holds the whole database anyway).
inline const char* for_update(const StatementCache& statements) {
    return postgres(statements) ? " FOR UPDATE" : "";
}

} // namespace orchard::store::dialect
