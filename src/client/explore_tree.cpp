#include "client/explore_tree.h"

#include <algorithm>
#include <map>
#include <set>

namespace orchard::client {

namespace {

using protocol::TreeMessage;

// Ranked replies first, best first; then the unranked ones, oldest first (ISO dates sort as text).
bool reads_before(const TreeMessage& a, const TreeMessage& b) {
    if (a.rank.has_value() != b.rank.has_value()) return a.rank.has_value();
    if (a.rank && *a.rank != *b.rank) return *a.rank < *b.rank;
    if (a.created_date != b.created_date) return a.created_date < b.created_date;
    return a.message.id < b.message.id;
}

} // namespace

std::vector<std::string> path_to(const protocol::TreeMessages& tree,
                                 const std::string& message_id) {
    std::map<std::string, const TreeMessage*> by_id;
    for (const auto& message : tree.messages)
        by_id[message.message.id] = &message;
    std::vector<std::string> path;
    std::set<std::string> seen; // a malformed tree must not loop
    for (auto it = by_id.find(message_id); it != by_id.end() && seen.insert(it->first).second;) {
        path.push_back(it->first);
        if (!it->second->parent_id) break;
        it = by_id.find(*it->second->parent_id);
    }
    std::reverse(path.begin(), path.end());
    return path;
}

std::vector<TreeRow> tree_rows(const protocol::TreeMessages& tree, const std::string& chosen_id,
                               const std::vector<std::string>& collapsed_ids) {
    const auto& messages = tree.messages;
    std::map<std::string, std::vector<std::size_t>> replies; // parent id → indexes
    std::vector<std::size_t> roots;
    std::set<std::string> ids;
    for (const auto& message : messages)
        ids.insert(message.message.id);
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const auto& parent = messages[i].parent_id;
        // A message whose parent is not shown (deleted) starts a branch of its own.
        if (parent && ids.contains(*parent))
            replies[*parent].push_back(i);
        else
            roots.push_back(i);
    }
    const auto order = [&](std::vector<std::size_t>& list) {
        std::sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
            return reads_before(messages[a], messages[b]);
        });
    };
    order(roots);
    for (auto& [parent, list] : replies)
        order(list);

    const auto path = path_to(tree, chosen_id);
    const std::set<std::string> on_path(path.begin(), path.end());
    const std::set<std::string> collapsed(collapsed_ids.begin(), collapsed_ids.end());
    std::vector<TreeRow> rows;
    std::set<std::size_t> visited;
    // Depth first, by an explicit stack: a deep tree must not exhaust the browser's stack.
    std::vector<std::pair<std::size_t, int>> stack;
    for (auto it = roots.rbegin(); it != roots.rend(); ++it)
        stack.emplace_back(*it, 0);
    while (!stack.empty()) {
        const auto [index, depth] = stack.back();
        stack.pop_back();
        if (!visited.insert(index).second) continue;
        const std::string& id = messages[index].message.id;
        const auto found = replies.find(id);
        const std::size_t count = found == replies.end() ? 0 : found->second.size();
        const bool closed = collapsed.contains(id) && count > 0;
        rows.push_back({index, depth, count, closed, on_path.contains(id)});
        if (closed || count == 0) continue;
        for (auto it = found->second.rbegin(); it != found->second.rend(); ++it)
            stack.emplace_back(*it, depth + 1);
    }
    return rows;
}

} // namespace orchard::client
