// `orchard serve --demo`: fills an empty database with the sample conversations of
// assets/demo/sample_trees.json, so that a newcomer finds every task type available at once
// (prompts to review, trees to grow, replies to label, sibling replies to rank).
//
// The rows look like what real use produces: users, messages with review results backed by three
// task-based reviews each, tree rows in the sample's states, rankings, and consensus ranks on
// exported trees. Everything is written through store::TreeStore (no SQL outside store/) in one
// transaction, so a sample that turns out inconsistent half-way leaves the database untouched.
#pragma once

#include "server/store/database.h"

#include <cstdint>
#include <filesystem>
#include <optional>

namespace orchard::demo {

// What load_demo_data wrote: users named in the file, trees, messages, label rows (reviews) and
// ranking rows.
struct DemoSummary {
    int users = 0;
    int trees = 0;
    int messages = 0;
    int labels = 0;
    int rankings = 0;
};

// Loads `sample_file` into `database` unless it already has conversations, in which case it
// returns std::nullopt and writes nothing. `now_ms` anchors the timestamps: every row is dated in
// the hours and days before it. Throws std::runtime_error naming the problem when the file cannot
// be read or does not describe consistent trees (unknown author, wrong role order, a ranking of
// messages that are not siblings, ...).
std::optional<DemoSummary> load_demo_data(store::Database& database,
                                          const std::filesystem::path& sample_file,
                                          std::int64_t now_ms);

} // namespace orchard::demo
