#include "server/export/export_formats.h"

#include "server/domain/ids.h"
#include "server/export/json_text.h"

#include <set>

namespace orchard::exporting {

namespace {

const char* chat_role(const store::MessageRecord& message) {
    return message.role == "assistant" ? "assistant" : "user";
}

// Every line is written as text in the order nlohmann would dump the same object (keys sorted),
// without building one: the sft, preference and labels formats built nlohmann values per line,
// which made the labels format the slowest of all (bench_export, perf).

// {"content": text, "role": "user"|"assistant"}
void append_chat_message(std::string& out, const store::MessageRecord& message) {
    out += "{\"content\":";
    append_json_string(out, message.text);
    out += ",\"role\":\"";
    out += chat_role(message);
    out += "\"}";
}

// [chat messages] of the nodes in `path`.
void append_chat(std::string& out, const std::vector<const ExportNode*>& path) {
    out.push_back('[');
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (i > 0) out.push_back(',');
        append_chat_message(out, path[i]->message);
    }
    out.push_back(']');
}

// {name: {"count": n, "value": mean}}
void append_labels(std::string& out, const LabelAverages& labels) {
    out.push_back('{');
    bool first = true;
    for (const auto& [name, average] : labels) {
        append_key(out, name, first);
        out += "{\"count\":";
        append_json_number(out, static_cast<long long>(average.count));
        out += ",\"value\":";
        append_json_number(out, average.value);
        out.push_back('}');
    }
    out.push_back('}');
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
        append_labels(out, node.labels);
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

std::string conversation_line(const store::TreeRecord& tree,
                              const std::vector<const ExportNode*>& path, const IdMapper& ids) {
    std::string line = "{\"lang\":";
    append_json_string(line, tree.lang);
    line += ",\"message_ids\":[";
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (i > 0) line.push_back(',');
        append_json_string(line, ids(path[i]->message.id));
    }
    line += "],\"message_tree_id\":";
    append_json_string(line, ids(tree.id));
    line += ",\"messages\":";
    append_chat(line, path);
    line.push_back('}');
    return line;
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
        std::string prompt;
        append_chat(prompt, path);
        std::string line;
        // Replies are in rank order already; a tie (equal ranks) tells nothing, so it is skipped.
        for (std::size_t better = 0; better < ranked.size(); ++better)
            for (std::size_t worse = better + 1; worse < ranked.size(); ++worse) {
                const auto& chosen = ranked[better]->message;
                const auto& rejected = ranked[worse]->message;
                if (*chosen.rank == *rejected.rank) continue;
                line = "{\"chosen\":[";
                append_chat_message(line, chosen);
                line += "],\"chosen_id\":";
                append_json_string(line, ids(chosen.id));
                line += ",\"lang\":";
                append_json_string(line, tree.lang);
                line += ",\"margin\":";
                append_json_number(line, static_cast<long long>(*rejected.rank - *chosen.rank));
                line += ",\"message_tree_id\":";
                append_json_string(line, ids(tree.id));
                line += ",\"prompt\":";
                line += prompt;
                line += ",\"rejected\":[";
                append_chat_message(line, rejected);
                line += "],\"rejected_id\":";
                append_json_string(line, ids(rejected.id));
                line.push_back('}');
                emit(line);
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
        std::string line = "{\"labels\":";
        append_labels(line, node.labels);
        line += ",\"lang\":";
        append_json_string(line, node.message.lang);
        line += ",\"message_id\":";
        append_json_string(line, ids(node.message.id));
        line += ",\"message_tree_id\":";
        append_json_string(line, ids(tree.id));
        line += ",\"role\":";
        append_json_string(line, node.message.role);
        line += ",\"text\":";
        append_json_string(line, node.message.text);
        line.push_back('}');
        emit(line);
    });
}

} // namespace orchard::exporting
