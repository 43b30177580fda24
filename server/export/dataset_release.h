// `orchard export --dataset DIR [--seed N]`: a release folder a trainer can use as it is:
// DIR/{oasst,messages,sft,preference,labels}/{train,validation,test}.jsonl, split by tree (a tree
// is in one split only, and trees with the same prompt text are in the same one), manifest.json
// (the options, the counts and the SHA-256 of every file) and README.md, the dataset card with
// its datasheet (server/export/datasheet.h). Deterministic: the same database, options and seed
// give the same bytes.
#pragma once

#include "server/export/export_options.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace orchard::store {
class Database;
}

namespace orchard::exporting {

enum class Split { Train, Validation, Test };
const char* to_string(Split split);

// 80% train, 10% validation, 10% test, by a keyed hash of the prompt's text (spaces around it
// ignored): the same text goes to the same split for a given seed.
Split split_of(const std::string& prompt_text, std::uint64_t seed);

struct ReleaseSummary {
    long trees = 0;
    long messages = 0;
    long files = 0;
};

// `terms`: the terms contributors accepted, quoted in the card.
ReleaseSummary write_release(store::Database& database, const ExportOptions& options,
                             const std::string& terms);

} // namespace orchard::exporting
