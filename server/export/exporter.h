// `orchard export`: walks the trees of a database in one read transaction (a consistent snapshot,
// while a server may go on writing) and writes the chosen format's lines, one tree in memory at a
// time, in tree id order, so that the same database and options give the same bytes.
#pragma once

#include "server/export/export_formats.h"
#include "server/export/export_options.h"

#include <functional>

namespace orchard::store {
class Database;
class StatementCache;
} // namespace orchard::store

namespace orchard::exporting {

struct ExportCounts {
    long trees = 0;    // trees with at least one message exported
    long messages = 0; // messages in those trees (or the user's messages)
    long lines = 0;
};

// Called after each tree with the counts so far (a progress line).
using Progress = std::function<void(const ExportCounts&)>;

ExportCounts export_trees(store::Database& database, const ExportOptions& options,
                          const EmitLine& emit, const Progress& progress = nullptr);

// The lines of `options.format` for one tree.
void write_tree(const store::TreeRecord& tree, const ExportNode& prompt,
                const ExportOptions& options, const IdMapper& ids, const EmitLine& emit);

// Each tree kept under `options` with the rows it was built from (its messages moved into the
// nodes), in id order, in one read transaction; `first` runs in the same snapshot before the
// first tree (settings to report).
using TreeVisit = std::function<void(const TreeRows& rows, const ExportNode& prompt)>;
void walk_trees(store::Database& database, const ExportOptions& options, const TreeVisit& visit,
                const std::function<void(store::StatementCache&)>& first = nullptr);

} // namespace orchard::exporting
