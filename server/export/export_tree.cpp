#include "server/export/export_tree.h"

#include "protocol/task.h"
#include "server/domain/labels.h"

#include <algorithm>
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

// Label averages per message over every review and free label of the catalogue's names (the
// legacy "rating" is an event, not a label). An imported message carries its file's averages as
// one row of {"value", "count"} objects (server/export/importer.h); alone, such an average is
// given back exactly as it came.
std::unordered_map<std::string, std::map<std::string, LabelAverage>>
label_averages(const std::vector<store::ExportLabelRow>& rows) {
    struct Sum {
        double sum = 0;
        int count = 0, rows = 0;
        std::optional<double> imported; // the value of an imported average
    };
    std::unordered_map<std::string, std::map<std::string, Sum>> sums;
    for (const auto& row : rows) {
        const auto values = nlohmann::json::parse(row.labels_json, nullptr, false);
        if (!values.is_object()) continue;
        for (const auto& [name, value] : values.items()) {
            if (!domain::find_label(name)) continue;
            auto& sum = sums[row.message_id][name];
            if (value.is_number()) {
                sum.sum += value.get<double>();
                ++sum.count;
                ++sum.rows;
            } else if (value.is_object() && value.contains("value") && value["value"].is_number() &&
                       value.contains("count") && value["count"].is_number_integer() &&
                       value["count"].get<int>() > 0) {
                const int count = value["count"].get<int>();
                sum.imported = value["value"].get<double>();
                sum.sum += *sum.imported * count;
                sum.count += count;
                ++sum.rows;
            }
        }
    }
    std::unordered_map<std::string, std::map<std::string, LabelAverage>> averages;
    for (const auto& [message, labels] : sums)
        for (const auto& [name, sum] : labels) {
            if (sum.count == 0) continue;
            const double value =
                sum.rows == 1 && sum.imported ? *sum.imported : sum.sum / sum.count;
            averages[message][name] = {value, sum.count};
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

std::optional<ExportNode> build_tree(const TreeRows& rows, const ExportOptions& options) {
    auto labels = options.labels
                      ? label_averages(rows.labels)
                      : std::unordered_map<std::string, std::map<std::string, LabelAverage>>{};
    auto events = options.events ? events_by_message(rows)
                                 : std::unordered_map<std::string, nlohmann::json>{};
    // Messages come parents first (by depth): each finds its parent's node already made.
    std::unordered_map<std::string, std::vector<ExportNode*>> children_of;
    std::vector<std::unique_ptr<ExportNode>> nodes;
    std::unordered_map<std::string, ExportNode*> node_of;
    ExportNode* root = nullptr;
    for (const auto& message : rows.messages) {
        if (!keep_message(message, options)) continue;
        const bool is_root = !message.parent_id;
        if (!is_root && !node_of.contains(*message.parent_id)) continue; // under a dropped one
        if (!is_root && options.prompts_only) continue;
        auto node = std::make_unique<ExportNode>();
        node->message = message;
        if (auto it = labels.find(message.id); it != labels.end()) node->labels = it->second;
        if (auto it = events.find(message.id); it != events.end()) node->events = it->second;
        node_of[message.id] = node.get();
        if (is_root)
            root = node.get();
        else
            children_of[*message.parent_id].push_back(node.get());
        nodes.push_back(std::move(node));
    }
    if (!root) return std::nullopt;
    // Assemble bottom-up (deepest first), moving each finished node into its parent.
    for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
        ExportNode& node = **it;
        for (ExportNode* child : children_of[node.message.id])
            node.replies.push_back(std::move(*child));
        std::sort(node.replies.begin(), node.replies.end(), reply_before);
    }
    return std::move(*root);
}

} // namespace orchard::exporting
