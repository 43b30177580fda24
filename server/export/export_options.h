// What `orchard export` writes (docs/datasets.md, PROTOCOL.md §8): the format, the filters and
// where to. Plain data; the command line fills it (server/cli_export.cpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace orchard::exporting {

enum class Format {
    Oasst,      // one tree per line, nested replies: the oasst1/oasst2 release format
    Messages,   // one message per line, as oasst1's message files
    Sft,        // one conversation per line, {"messages": [{"role", "content"}]}
    Preference, // chosen/rejected pairs from the consensus ranks
    Labels,     // one labeled message per line, for text classifiers
};

const char* to_string(Format format);
std::optional<Format> format_from(const std::string& name);

struct ExportOptions {
    std::filesystem::path data_dir = "data";
    std::string database; // PostgreSQL instead of data_dir's SQLite file
    Format format = Format::Oasst;
    std::string out = "-"; // a file (".gz" compresses) or "-" for standard output
    // Trees in these states; empty: ready_for_export (or every state with `all`).
    std::vector<std::string> states;
    std::vector<std::string> langs; // empty: every language
    bool include_deleted = false;
    bool include_spam = false; // messages rejected by review or not yet reviewed
    bool include_synthetic = false;
    std::string user_id;       // only this user's messages, as a flat list
    bool prompts_only = false; // each tree's prompt without its replies
    bool labels = true;
    bool events = false;      // emoji, rating and ranking events per message
    bool all = false;         // every tree and message, nothing filtered
    bool all_paths = false;   // sft: every path, not only the best-ranked one
    bool review_rows = false; // read every label and ranking row (a release's datasheet)
    std::optional<std::string> anonymize_seed; // re-map every id deterministically
    bool progress = true; // a progress line on standard error when it is a terminal
    // --dataset DIR: a release folder (splits, manifest, dataset card) instead of one file.
    std::filesystem::path dataset_dir;
    std::uint64_t split_seed = 1; // --seed: which trees go to which split
};

// The rules between options, the same from the command line and from GET /admin/export: the
// labels format always writes labels, a user's messages are a flat list (the messages format;
// oasst is taken to mean it), and a release holds whole trees. Settles `options` and returns
// nullopt, or says what does not go together. `labels_turned_off`: labels were asked to be off.
std::optional<std::string> settle_options(ExportOptions& options, bool labels_turned_off);

// Whether the lines carry label averages: the sft and preference formats have no place for them,
// so their exports read no label rows (a third of what an export reads, bench_export).
bool writes_labels(const ExportOptions& options);

// "a,b,c" → {"a", "b", "c"}; empty items are left out. How lists of states and languages come.
std::vector<std::string> comma_list(const std::string& text);

} // namespace orchard::exporting
