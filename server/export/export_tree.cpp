#include "server/export/export_tree.h"

#include "protocol/task.h"
#include "server/domain/labels.h"
#include "server/export/label_row.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace orchard::exporting {

namespace {

// Rank order, unranked last; then the older first, then by id, so the order is total.
bool reply_before(const ExportNode& a, const ExportNode& b) {
    const auto& x = a.message;
    const auto& y = b.message;
    if (x.rank.has_value() != y.rank.has_value()) return x.rank.has_value();
    if (x.rank && *x.rank != *y.rank) return *x.rank < *y.rank;
    if (x.created_ms != y.created_ms) return x.created_ms < y.created_ms;
    return x.id < y.id;
}

// The catalogue's name for `name`, looked up by hash: find_label compares with each name in
// turn, and an export looks up every label of every row. nullptr when it is not a label.
const std::string* catalogue_name(std::string_view name) {
    static const auto names = [] {
        std::unordered_map<std::string_view, const std::string*> map;
        for (const auto& label : domain::all_labels())
            map.emplace(label.name, &label.name);
        return map;
    }();
    const auto it = names.find(name);
    return it == names.end() ? nullptr : it->second;
}

struct LabelSum {
    const std::string* name = nullptr; // the catalogue's
    double sum = 0;
    int count = 0, rows = 0;
    std::optional<double> imported; // the value of an imported average
};

// A message's sums, a few labels each: a flat list, searched by the catalogue's pointers.
// `position` is the label's place in its row: the rows of one message mostly name the same
// labels in the same order, so the sum at that place is tried first, before a lookup by hash.
void add_label(std::vector<LabelSum>& sums, const LabelValue& label, std::size_t position) {
    LabelSum* found = nullptr;
    if (position < sums.size() && *sums[position].name == label.name) {
        found = &sums[position];
    } else {
        const std::string* name = catalogue_name(label.name);
        if (!name) return; // not a label of the catalogue
        auto it = std::find_if(sums.begin(), sums.end(),
                               [name](const LabelSum& sum) { return sum.name == name; });
        if (it == sums.end()) it = sums.insert(sums.end(), LabelSum{name});
        found = &*it;
    }
    LabelSum& sum = *found;
    if (label.imported) {
        sum.imported = label.value;
        sum.sum += label.value * label.count;
    } else {
        sum.sum += label.value;
    }
    sum.count += label.count;
    ++sum.rows;
}

LabelAverages averages_of(const std::vector<LabelSum>& sums) {
    LabelAverages averages;
    for (const auto& sum : sums) {
        if (sum.count == 0) continue;
        const double value = sum.rows == 1 && sum.imported ? *sum.imported : sum.sum / sum.count;
        averages.emplace_back(*sum.name, LabelAverage{value, sum.count});
    }
    std::sort(averages.begin(), averages.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return averages;
}

// Label averages by message id (a view into the label rows).
using LabelsByMessage = std::unordered_map<std::string_view, LabelAverages>;

// Label averages per message over every review and free label of the catalogue's names (the
// legacy "rating" is an event, not a label). An imported average alone is given back exactly
// as it came. Rows come grouped by message, oldest first: each message's sums are finished
// before the next one's start, and added in the same order every time.
LabelsByMessage label_averages(const std::vector<store::ExportLabelRow>& rows) {
    LabelsByMessage averages;
    std::vector<LabelSum> sums;
    std::vector<LabelValue> values;
    values.reserve(16); // a row's labels: the catalogue has about a dozen
    nlohmann::json json;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i];
        if (!read_plain_labels(row.labels_json, values))
            read_any_labels(row.labels_json, json, values);
        for (std::size_t position = 0; position < values.size(); ++position)
            add_label(sums, values[position], position);
        if (i + 1 == rows.size() || rows[i + 1].message_id != row.message_id) {
            if (auto message = averages_of(sums); !message.empty())
                averages.emplace(row.message_id, std::move(message));
            sums.clear();
        }
    }
    return averages;
}

// The indices of the ranked replies in the order the task showed them (Open-Assistant's
// "ranking"), when the task is known; else the ranked order itself.
std::vector<int> shown_indices(const store::ExportRankingRow& row,
                               const std::vector<std::string>& ranked) {
    std::vector<std::string> shown;
    if (row.task_payload)
        if (auto task = protocol::parse_task(*row.task_payload))
            for (const auto& reply : task->reply_messages)
                shown.push_back(reply.id);
    if (shown.empty()) shown = ranked;
    std::vector<int> indices;
    for (const auto& id : ranked) {
        const auto it = std::find(shown.begin(), shown.end(), id);
        if (it == shown.end()) return {}; // the task showed others: no indices to give
        indices.push_back(static_cast<int>(it - shown.begin()));
    }
    return indices;
}

std::unordered_map<std::string, nlohmann::json> events_by_message(const TreeRows& rows) {
    std::unordered_map<std::string, nlohmann::json> events;
    auto add = [&](const std::string& message_id, const char* kind, nlohmann::json event) {
        auto& list = events[message_id][kind];
        if (list.is_null()) list = nlohmann::json::array();
        list.push_back(std::move(event));
    };
    for (const auto& reaction : rows.reactions)
        add(reaction.message_id, "emoji",
            {{"type", "emoji"}, {"user_id", reaction.user_id}, {"emoji", reaction.emoji}});
    for (const auto& label : rows.labels) {
        const auto values = nlohmann::json::parse(label.labels_json, nullptr, false);
        if (values.is_object() && values.contains("rating") && values["rating"].is_number())
            add(label.message_id, "rating",
                {{"type", "rating"},
                 {"user_id", label.user_id},
                 {"rating", values["rating"].dump()}});
    }
    for (const auto& ranking : rows.rankings) {
        const auto ids = nlohmann::json::parse(ranking.ranking_json, nullptr, false);
        std::vector<std::string> ranked;
        if (ids.is_array())
            for (const auto& id : ids)
                if (id.is_string()) ranked.push_back(id.get<std::string>());
        add(ranking.parent_message_id, "ranking",
            {{"type", "ranking"},
             {"user_id", ranking.user_id},
             {"ranking", shown_indices(ranking, ranked)},
             {"ranked_message_ids", ranked},
             {"ranking_parent_id", ranking.parent_message_id},
             {"message_tree_id", rows.tree.id},
             {"not_rankable", ranking.not_rankable}});
    }
    return events;
}

} // namespace

bool keep_message(const store::MessageRecord& message, const ExportOptions& options) {
    if (options.all) return true;
    if (message.deleted && !options.include_deleted) return false;
    if (message.review_result != std::optional(true) && !options.include_spam) return false;
    if (message.synthetic && !options.include_synthetic) return false;
    return true;
}

std::optional<ExportNode> build_tree(TreeRows& rows, const ExportOptions& options) {
    auto labels = writes_labels(options) ? label_averages(rows.labels) : LabelsByMessage{};
    auto events = options.events ? events_by_message(rows)
                                 : std::unordered_map<std::string, nlohmann::json>{};
    // Reserved: the ids the index below points into stay where they are until assembly.
    std::vector<ExportNode> nodes;
    nodes.reserve(rows.messages.size());
    std::vector<std::size_t> parent_of; // by node; kNoParent for a prompt
    constexpr std::size_t kNoParent = SIZE_MAX;
    std::unordered_map<std::string_view, std::size_t> index_of; // message id → node
    std::optional<std::size_t> root;
    // Messages come parents first (by depth): each finds its parent's node already made.
    for (auto& message : rows.messages) {
        if (!keep_message(message, options)) continue;
        std::size_t parent = kNoParent;
        if (message.parent_id) {
            const auto found = index_of.find(*message.parent_id);
            if (found == index_of.end()) continue; // under a dropped one
            if (options.prompts_only) continue;
            parent = found->second;
        }
        ExportNode& node = nodes.emplace_back();
        node.message = std::move(message);
        if (auto it = labels.find(node.message.id); it != labels.end())
            node.labels = std::move(it->second); // ids are unique: each is taken once
        if (auto it = events.find(node.message.id); it != events.end())
            node.events = std::move(it->second);
        index_of.emplace(node.message.id, nodes.size() - 1);
        parent_of.push_back(parent);
        if (parent == kNoParent) root = nodes.size() - 1;
    }
    if (!root) return std::nullopt;
    // Assemble bottom-up: a node comes after its parent, so going backwards each one has all
    // its replies when it moves into its parent.
    for (std::size_t i = nodes.size(); i-- > 0;) {
        std::sort(nodes[i].replies.begin(), nodes[i].replies.end(), reply_before);
        if (parent_of[i] != kNoParent) nodes[parent_of[i]].replies.push_back(std::move(nodes[i]));
    }
    return std::move(nodes[*root]);
}

} // namespace orchard::exporting
