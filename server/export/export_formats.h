// The lines of each export format (docs/datasets.md), made from one tree as export_tree.h builds
// it. Every id passes through the IdMapper, so an anonymous release differs only in its ids.
#pragma once

#include "server/export/export_tree.h"
#include "server/export/id_mapper.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace orchard::exporting {

// One line of JSON text, without its line break.
using EmitLine = std::function<void(std::string_view line)>;

// PROTOCOL.md §8: {"message_tree_id", "tree_state", "prompt": node, "origin"}, nodes nested
// under "replies"; fields that are null are left out.
std::string oasst_tree(const store::TreeRecord& tree, const ExportNode& prompt,
                       const IdMapper& ids);
// One node without its replies, with its tree's id and state (oasst1's message files).
std::string message_line(const store::TreeRecord& tree, const ExportNode& node,
                         const IdMapper& ids);

// Every node of the tree, parents first, as message_line.
void message_lines(const store::TreeRecord& tree, const ExportNode& prompt, const IdMapper& ids,
                   const EmitLine& emit);
// Conversations ending with an assistant reply: the best-ranked reply at each step, or every
// path with `all_paths`. {"messages": [{"role": "user"|"assistant", "content"}], ...}
void sft_lines(const store::TreeRecord& tree, const ExportNode& prompt, bool all_paths,
               const IdMapper& ids, const EmitLine& emit);
// For every message with two or more ranked assistant replies, each pair of them: the better
// one chosen, the worse rejected, margin the difference of their consensus ranks.
void preference_lines(const store::TreeRecord& tree, const ExportNode& prompt, const IdMapper& ids,
                      const EmitLine& emit);
// Every message with labels: {"message_id", "text", "role", "lang", "labels": {name: {"value",
// "count"}}, "message_tree_id"}.
void label_lines(const store::TreeRecord& tree, const ExportNode& prompt, const IdMapper& ids,
                 const EmitLine& emit);

} // namespace orchard::exporting
