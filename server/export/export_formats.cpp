#include "server/export/export_formats.h"

#include "server/domain/ids.h"

#include <set>

namespace orchard::exporting {

namespace {

const char* chat_role(const store::MessageRecord& message) {
    return message.role == "assistant" ? "assistant" : "user";
}

nlohmann::json chat_message(const store::MessageRecord& message) {
    return {{"role", chat_role(message)}, {"content", message.text}};
}

nlohmann::json label_values(const std::map<std::string, LabelAverage>& labels) {
    nlohmann::json json = nlohmann::json::object();
    for (const auto& [name, average] : labels)
        json[name] = {{"value", average.value}, {"count", average.count}};
    return json;
}

// The events with their ids mapped.
nlohmann::json mapped_events(const nlohmann::json& events, const IdMapper& ids) {
    nlohmann::json mapped = events;
    for (auto& [kind, list] : mapped.items())
        for (auto& event : list) {
            for (const char* key : {"user_id", "ranking_parent_id", "message_tree_id"})
                if (event.contains(key) && event[key].is_string())
                    event[key] = ids(event[key].get<std::string>());
            if (event.contains("ranked_message_ids"))
                for (auto& id : event["ranked_message_ids"])
                    id = ids(id.get<std::string>());
        }
    return mapped;
}

// A node's own fields; PROTOCOL.md §8 leaves out the null ones.
nlohmann::json node_fields(const ExportNode& node, const IdMapper& ids) {
    const auto& m = node.message;
    nlohmann::json json = {
        {"message_id", ids(m.id)},
        {"user_id", ids(m.user_id)},
        {"created_date", domain::iso8601(m.created_ms)},
        {"text", m.text},
        {"role", m.role},
        {"lang", m.lang},
        {"review_count", m.review_count},
        {"deleted", m.deleted},
        {"synthetic", m.synthetic},
    };
    if (m.parent_id) json["parent_id"] = ids(*m.parent_id);
    if (m.review_result) json["review_result"] = *m.review_result;
    if (m.rank) json["rank"] = *m.rank;
    if (m.model_name) json["model_name"] = *m.model_name;
    const auto emojis = nlohmann::json::parse(m.emojis_json, nullptr, false);
    if (emojis.is_object() && !emojis.empty()) json["emojis"] = emojis;
    if (!node.labels.empty()) json["labels"] = label_values(node.labels);
    if (!node.events.empty()) json["events"] = mapped_events(node.events, ids);
    return json;
}

nlohmann::json nested_node(const ExportNode& node, const IdMapper& ids) {
    nlohmann::json json = node_fields(node, ids);
    nlohmann::json replies = nlohmann::json::array();
    for (const auto& reply : node.replies)
        replies.push_back(nested_node(reply, ids));
    json["replies"] = std::move(replies);
    return json;
}

void each_node(const ExportNode& node, const std::function<void(const ExportNode&)>& visit) {
    visit(node);
    for (const auto& reply : node.replies)
        each_node(reply, visit);
}

nlohmann::json conversation_line(const store::TreeRecord& tree,
                                 const std::vector<const ExportNode*>& path, const IdMapper& ids) {
    nlohmann::json messages = nlohmann::json::array();
    nlohmann::json message_ids = nlohmann::json::array();
    for (const ExportNode* node : path) {
        messages.push_back(chat_message(node->message));
        message_ids.push_back(ids(node->message.id));
    }
    return {{"messages", std::move(messages)},
            {"message_ids", std::move(message_ids)},
            {"message_tree_id", ids(tree.id)},
            {"lang", tree.lang}};
}

// The path cut after its last assistant reply; empty when it has none.
std::vector<const ExportNode*> up_to_last_assistant(std::vector<const ExportNode*> path) {
    while (!path.empty() && path.back()->message.role != "assistant")
        path.pop_back();
    return path;
}

void all_paths_from(const ExportNode& node, std::vector<const ExportNode*>& path,
                    std::set<std::string>& ends, const store::TreeRecord& tree, const IdMapper& ids,
                    const EmitLine& emit) {
    path.push_back(&node);
    if (node.replies.empty()) {
        // Leaves under one assistant reply give the same conversation once cut: emit it once.
        const auto cut = up_to_last_assistant(path);
        if (!cut.empty() && ends.insert(cut.back()->message.id).second)
            emit(conversation_line(tree, cut, ids));
    }
    for (const auto& reply : node.replies)
        all_paths_from(reply, path, ends, tree, ids, emit);
    path.pop_back();
}

void preferences_from(const ExportNode& node, std::vector<const ExportNode*>& path,
                      const store::TreeRecord& tree, const IdMapper& ids, const EmitLine& emit) {
    path.push_back(&node);
    std::vector<const ExportNode*> ranked;
    for (const auto& reply : node.replies)
        if (reply.message.role == "assistant" && reply.message.rank) ranked.push_back(&reply);
    if (ranked.size() >= 2) {
        nlohmann::json prompt = nlohmann::json::array();
        for (const ExportNode* step : path)
            prompt.push_back(chat_message(step->message));
        // Replies are in rank order already; a tie (equal ranks) tells nothing, so it is skipped.
        for (std::size_t better = 0; better < ranked.size(); ++better)
            for (std::size_t worse = better + 1; worse < ranked.size(); ++worse) {
                const auto& chosen = ranked[better]->message;
                const auto& rejected = ranked[worse]->message;
                if (*chosen.rank == *rejected.rank) continue;
                emit({{"prompt", prompt},
                      {"chosen", nlohmann::json::array({chat_message(chosen)})},
                      {"rejected", nlohmann::json::array({chat_message(rejected)})},
                      {"margin", *rejected.rank - *chosen.rank},
                      {"chosen_id", ids(chosen.id)},
                      {"rejected_id", ids(rejected.id)},
                      {"message_tree_id", ids(tree.id)},
                      {"lang", tree.lang}});
            }
    }
    for (const auto& reply : node.replies)
        preferences_from(reply, path, tree, ids, emit);
    path.pop_back();
}

} // namespace

nlohmann::json oasst_tree(const store::TreeRecord& tree, const ExportNode& prompt,
                          const IdMapper& ids) {
    nlohmann::json json = {{"message_tree_id", ids(tree.id)},
                           {"tree_state", tree.state},
                           {"prompt", nested_node(prompt, ids)}};
    if (tree.origin) json["origin"] = *tree.origin;
    return json;
}

nlohmann::json message_line(const store::TreeRecord& tree, const ExportNode& node,
                            const IdMapper& ids) {
    nlohmann::json json = node_fields(node, ids);
    json["message_tree_id"] = ids(tree.id);
    json["tree_state"] = tree.state;
    return json;
}

void message_lines(const store::TreeRecord& tree, const ExportNode& prompt, const IdMapper& ids,
                   const EmitLine& emit) {
    each_node(prompt, [&](const ExportNode& node) { emit(message_line(tree, node, ids)); });
}

void sft_lines(const store::TreeRecord& tree, const ExportNode& prompt, bool all_paths,
               const IdMapper& ids, const EmitLine& emit) {
    std::vector<const ExportNode*> path;
    if (all_paths) {
        std::set<std::string> ends;
        all_paths_from(prompt, path, ends, tree, ids, emit);
        return;
    }
    // The best-ranked reply at each step: replies are in rank order.
    for (const ExportNode* node = &prompt; node;
         node = node->replies.empty() ? nullptr : &node->replies.front())
        path.push_back(node);
    const auto cut = up_to_last_assistant(path);
    if (!cut.empty()) emit(conversation_line(tree, cut, ids));
}

void preference_lines(const store::TreeRecord& tree, const ExportNode& prompt, const IdMapper& ids,
                      const EmitLine& emit) {
    std::vector<const ExportNode*> path;
    preferences_from(prompt, path, tree, ids, emit);
}

void label_lines(const store::TreeRecord& tree, const ExportNode& prompt, const IdMapper& ids,
                 const EmitLine& emit) {
    each_node(prompt, [&](const ExportNode& node) {
        if (node.labels.empty()) return;
        emit({{"message_id", ids(node.message.id)},
              {"text", node.message.text},
              {"role", node.message.role},
              {"lang", node.message.lang},
              {"labels", label_values(node.labels)},
              {"message_tree_id", ids(tree.id)}});
    });
}

} // namespace orchard::exporting
