// One conversation tree as an export sees it: its messages filtered by the export's options and
// nested under their parents, each with its label averages and, when asked, its events. Replies
// are in rank order, unranked ones last (then oldest first), so that every format walks a tree
// the same way and the same database gives the same bytes.
#pragma once

#include "server/export/export_options.h"
#include "server/store/export_store.h"
#include "server/store/records.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orchard::exporting {

struct LabelAverage {
    double value = 0;
    int count = 0;
};

// A message's label averages sorted by name, the names the catalogue's (domain/labels.h): a few
// per message, so a flat list; a map of strings per message cost an export a tenth of its time
// in allocations (bench_export, perf).
using LabelAverages = std::vector<std::pair<std::string_view, LabelAverage>>;

struct ExportNode {
    store::MessageRecord message;
    LabelAverages labels;  // empty when labels are off
    nlohmann::json events; // kind → [event]; null when events are off or there are none
    std::vector<ExportNode> replies;
};

using TreeRows = store::ExportTreeRows;

// Whether a message is exported under `options` (PROTOCOL.md §8): by default accepted by review,
// not deleted (nor hidden by moderation) and written by a person.
bool keep_message(const store::MessageRecord& message, const ExportOptions& options);

// The tree's prompt with the replies kept under it; nullopt when the prompt itself is not kept.
// A message that is not kept takes its replies with it. The kept messages are moved out of
// `rows.messages` into the nodes rather than copied, texts and all.
std::optional<ExportNode> build_tree(TreeRows& rows, const ExportOptions& options);

} // namespace orchard::exporting
