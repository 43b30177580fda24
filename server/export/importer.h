// `orchard import FILE`: oasst trees (one per line, plain or gzip; oasst1/oasst2 files and
// Orchard's own export) into the database, keeping ids, texts, roles, languages, ranks, label
// averages, emojis (skip markers included), synthetic and model names, review results and dates,
// so that `export --format oasst --all` gives the same trees back. Fields a file lacks are
// tolerated (no user id: one "unknown" user; no date: the time of the import). All or nothing: a
// malformed line is reported with its number and nothing is written, unless skip_bad takes the
// good lines; trees already there are left alone, so importing a file twice adds nothing.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace orchard::store {
class Database;
}

namespace orchard::exporting {

struct ImportOptions {
    std::filesystem::path data_dir = "data";
    std::string database; // PostgreSQL instead of data_dir's SQLite file
    std::filesystem::path file;
    bool as_growing = false; // else the trees are ready_for_export
    bool skip_bad = false;
};

struct ImportProblem {
    long line = 0;
    std::string message;
};

struct ImportSummary {
    long lines = 0;
    long trees = 0;         // imported
    long messages = 0;      // imported
    long already_there = 0; // trees the database had
    std::vector<ImportProblem> problems;
    bool written = false; // false when problems stopped the import (or nothing was new)
};

ImportSummary import_trees(store::Database& database, const ImportOptions& options);

} // namespace orchard::exporting
