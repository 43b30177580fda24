// The explorer's tree listing: replies under their parents in rank order, the path to the chosen
// message marked, collapsed replies left out, and a tree with a missing parent still listed.
#include "client/explore_tree.h"

#include <catch2/catch.hpp>

using orchard::client::path_to;
using orchard::client::tree_rows;
using orchard::protocol::TreeMessage;
using orchard::protocol::TreeMessages;

namespace {

TreeMessage message(const std::string& id, std::optional<std::string> parent,
                    std::optional<long long> rank, const std::string& date) {
    TreeMessage m;
    m.message.id = id;
    m.message.text = "Text of " + id;
    m.parent_id = std::move(parent);
    m.rank = rank;
    m.created_date = date;
    return m;
}

// prompt ─┬─ a (rank 1) ── a1
//         ├─ b (rank 0) ─┬─ b1 (unranked, older)
//         │              └─ b2 (unranked, newer)
//         └─ c (unranked)
TreeMessages sample() {
    return {"prompt",
            {message("c", "prompt", std::nullopt, "2026-01-01T00:00:05.000Z"),
             message("b2", "b", std::nullopt, "2026-01-01T00:00:09.000Z"),
             message("a", "prompt", 1, "2026-01-01T00:00:02.000Z"),
             message("prompt", std::nullopt, std::nullopt, "2026-01-01T00:00:00.000Z"),
             message("b1", "b", std::nullopt, "2026-01-01T00:00:08.000Z"),
             message("a1", "a", std::nullopt, "2026-01-01T00:00:07.000Z"),
             message("b", "prompt", 0, "2026-01-01T00:00:03.000Z")}};
}

std::vector<std::string> ids(const TreeMessages& tree,
                             const std::vector<orchard::client::TreeRow>& rows) {
    std::vector<std::string> out;
    for (const auto& row : rows)
        out.push_back(std::string(static_cast<std::size_t>(row.depth), '.') +
                      tree.messages[row.index].message.id + (row.on_path ? "*" : ""));
    return out;
}

} // namespace

TEST_CASE("explore tree: replies in rank order under their parents, the path marked") {
    const auto tree = sample();
    CHECK(ids(tree, tree_rows(tree, "b2", {})) ==
          std::vector<std::string>{"prompt*", ".b*", "..b1", "..b2*", ".a", "..a1", ".c"});
    CHECK(path_to(tree, "a1") == std::vector<std::string>{"prompt", "a", "a1"});
    CHECK(path_to(tree, "nowhere").empty());
    const auto rows = tree_rows(tree, "prompt", {});
    CHECK(rows[0].replies == 3);
    CHECK(rows[1].replies == 2);
}

TEST_CASE("explore tree: a collapsed message hides its replies, not itself") {
    const auto tree = sample();
    const auto rows = tree_rows(tree, "a", {"b", "c"});
    CHECK(ids(tree, rows) == std::vector<std::string>{"prompt*", ".b", ".a*", "..a1", ".c"});
    CHECK(rows[1].collapsed);
    CHECK_FALSE(rows[4].collapsed); // c has no replies to hide
}

TEST_CASE("explore tree: a message whose parent is not shown starts a branch of its own") {
    auto tree = sample();
    std::erase_if(tree.messages, [](const TreeMessage& m) { return m.message.id == "b"; });
    const auto listed = ids(tree, tree_rows(tree, "b1", {}));
    CHECK(listed.size() == 6);
    CHECK(std::find(listed.begin(), listed.end(), "b1*") != listed.end());
}
