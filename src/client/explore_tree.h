// A conversation tree as the explorer lists it (docs/explorer.md): every message under its parent,
// indented by depth, replies in rank order (unranked ones after, oldest first), the replies of a
// collapsed message left out, and the path from the prompt to the chosen message marked. Plain
// logic, so that it is tested natively.
#pragma once

#include "protocol/explorer.h"

#include <cstddef>
#include <string>
#include <vector>

namespace orchard::client {

struct TreeRow {
    std::size_t index = 0; // into TreeMessages::messages
    int depth = 0;         // 0 for the prompt
    std::size_t replies = 0;
    bool collapsed = false; // its replies are hidden
    bool on_path = false;   // between the prompt and the chosen message, both included
};

std::vector<TreeRow> tree_rows(const protocol::TreeMessages& tree, const std::string& chosen_id,
                               const std::vector<std::string>& collapsed_ids);

// The ids from the prompt down to `message_id`, both included; empty when it is not in the tree.
std::vector<std::string> path_to(const protocol::TreeMessages& tree, const std::string& message_id);

} // namespace orchard::client
