// `orchard migrate`: an Orchard SQLite database copied into PostgreSQL, table by table, then
// verified: each table's row count and a checksum of its rows must agree on both sides.
//
// Resumable: rows go over in chunks, each committed with a note of how far its table got (the
// table migrate_progress in the target), so a copy that was stopped (Ctrl-C, a lost connection,
// a full disk) goes on from its last chunk when the same command runs again. A target that holds
// data this copy did not put there is refused. Both schemas are first brought to this build's
// version by the usual migrations. The source must not change meanwhile: stop the server first.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace orchard::store {

struct TableCopy {
    std::string table;
    std::int64_t rows = 0;       // in the source
    std::int64_t copied_now = 0; // by this run (less than rows when resumed)
    bool verified = false;       // counts and checksums agree
};

struct CopyReport {
    std::vector<TableCopy> tables;
    bool verified() const;
};

// `progress` is told of each table as it is done (for the command's output).
CopyReport copy_sqlite_to_postgres(const std::filesystem::path& sqlite_file,
                                   const std::string& postgres_url,
                                   const std::function<void(const TableCopy&)>& progress);

} // namespace orchard::store
