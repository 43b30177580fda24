#include "server/export/export_formats.h"

#include "server/domain/ids.h"
#include "server/export/json_text.h"

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
    // The small formats (sft, preference, labels) are built as nlohmann values and dumped.
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

// A node's fields, in the order nlohmann writes them (by name); PROTOCOL.md §8 leaves out the
// null ones. `tree` adds message_tree_id and tree_state (the messages format); `replies` nests
// the replies (the oasst format).
void append_node(std::string& out, const ExportNode& node, const IdMapper& ids,
                 const store::TreeRecord* tree, bool replies) {
    const auto& m = node.message;
    bool first = true;
    out.push_back('{');
    append_key(out, "created_date", first);
    append_json_string(out, domain::iso8601(m.created_ms));
    append_key(out, "deleted", first);
    out += m.deleted ? "true" : "false";
    // Stored as nlohmann wrote it (sorted, compact): copied as it is.
    if (!m.emojis_json.empty() && m.emojis_json != "{}") {
        append_key(out, "emojis", first);
        out += m.emojis_json;
    }
    if (!node.events.empty()) {
        append_key(out, "events", first);
        out += json_line(mapped_events(node.events, ids));
    }
    if (!node.labels.empty()) {
        append_key(out, "labels", first);
        out.push_back('{');
        bool first_label = true;
        for (const auto& [name, average] : node.labels) {
            append_key(out, name, first_label);
            out += "{\"count\":";
            append_json_number(out, static_cast<long long>(average.count));
            out += ",\"value\":";
            append_json_number(out, average.value);
            out.push_back('}');
        }
        out.push_back('}');
    }
    append_key(out, "lang", first);
    append_json_string(out, m.lang);
    append_key(out, "message_id", first);
    append_json_string(out, ids(m.id));
    if (tree) {
        append_key(out, "message_tree_id", first);
        append_json_string(out, ids(tree->id));
    }
    if (m.model_name) {
        append_key(out, "model_name", first);
        append_json_string(out, *m.model_name);
    }
    if (m.parent_id) {
        append_key(out, "parent_id", first);
        append_json_string(out, ids(*m.parent_id));
    }
    if (m.rank) {
        append_key(out, "rank", first);
        append_json_number(out, static_cast<long long>(*m.rank));
    }
    if (replies) {
        append_key(out, "replies", first);
        out.push_back('[');
        for (std::size_t i = 0; i < node.replies.size(); ++i) {
            if (i > 0) out.push_back(',');
            append_node(out, node.replies[i], ids, nullptr, true);
        }
        out.push_back(']');
    }
    append_key(out, "review_count", first);
    append_json_number(out, static_cast<long long>(m.review_count));
    if (m.review_result) {
        append_key(out, "review_result", first);
        out += *m.review_result ? "true" : "false";
    }
    append_key(out, "role", first);
    append_json_string(out, m.role);
    append_key(out, "synthetic", first);
    out += m.synthetic ? "true" : "false";
    append_key(out, "text", first);
    append_json_string(out, m.text);
    if (tree) {
        append_key(out, "tree_state", first);
        append_json_string(out, tree->state);
    }
    append_key(out, "user_id", first);
    append_json_string(out, ids(m.user_id));
    out.push_back('}');
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
            emit(json_line(conversation_line(tree, cut, ids)));
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
                emit(json_line({{"prompt", prompt},
                                {"chosen", nlohmann::json::array({chat_message(chosen)})},
                                {"rejected", nlohmann::json::array({chat_message(rejected)})},
                                {"margin", *rejected.rank - *chosen.rank},
                                {"chosen_id", ids(chosen.id)},
                                {"rejected_id", ids(rejected.id)},
                                {"message_tree_id", ids(tree.id)},
                                {"lang", tree.lang}}));
            }
    }
    for (const auto& reply : node.replies)
        preferences_from(reply, path, tree, ids, emit);
    path.pop_back();
}

} // namespace

std::string oasst_tree(const store::TreeRecord& tree, const ExportNode& prompt,
                       const IdMapper& ids) {
    std::string line;
    bool first = true;
    line.push_back('{');
    append_key(line, "message_tree_id", first);
    append_json_string(line, ids(tree.id));
    if (tree.origin) {
        append_key(line, "origin", first);
        append_json_string(line, *tree.origin);
    }
    append_key(line, "prompt", first);
    append_node(line, prompt, ids, nullptr, true);
    append_key(line, "tree_state", first);
    append_json_string(line, tree.state);
    line.push_back('}');
    return line;
}

std::string message_line(const store::TreeRecord& tree, const ExportNode& node,
                         const IdMapper& ids) {
    std::string line;
    append_node(line, node, ids, &tree, false);
    return line;
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
    if (!cut.empty()) emit(json_line(conversation_line(tree, cut, ids)));
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
        emit(json_line({{"message_id", ids(node.message.id)},
                        {"text", node.message.text},
                        {"role", node.message.role},
                        {"lang", node.message.lang},
                        {"labels", label_values(node.labels)},
                        {"message_tree_id", ids(tree.id)}}));
    });
}

} // namespace orchard::exporting
