#include "server/export/importer.h"

#include "server/domain/config.h"
#include "server/domain/ids.h"
#include "server/domain/language_tag.h"
#include "server/domain/tree_manager.h"
#include "server/store/config_store.h"
#include "server/store/database.h"
#include "server/store/import_store.h"
#include "server/store/tree_store.h"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_set>
#include <zlib.h>

namespace orchard::exporting {

namespace {

// Bounds for a hostile file: one line (a whole tree), its depth and its size.
constexpr std::size_t kMaxLineBytes = 64u << 20;
constexpr int kMaxDepth = 200;
constexpr std::size_t kMaxMessagesPerTree = 100000;
constexpr const char* kUnknownUser = "imported-unknown-user";

struct BadLine : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Reads lines from a plain or gzip file (zlib reads both).
class LineReader {
  public:
    explicit LineReader(const std::filesystem::path& file) : gz_(gzopen(file.c_str(), "rb")) {
        if (!gz_) throw std::runtime_error("cannot read " + file.string());
    }
    ~LineReader() { gzclose(gz_); }
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    // The next line without its line break; false at the end. Throws on an overlong line.
    bool next(std::string& line) {
        line.clear();
        char buffer[1 << 16];
        while (gzgets(gz_, buffer, sizeof buffer)) {
            line += buffer;
            if (line.size() > kMaxLineBytes) throw BadLine("the line is longer than 64 MB");
            if (!line.empty() && line.back() == '\n') {
                line.pop_back();
                if (!line.empty() && line.back() == '\r') line.pop_back();
                return true;
            }
        }
        int error = Z_OK;
        gzerror(gz_, &error);
        if (error != Z_OK && error != Z_STREAM_END) throw std::runtime_error("the file is damaged");
        return !line.empty();
    }

  private:
    gzFile gz_;
};

struct ImportedMessage {
    store::MessageRecord record;
    nlohmann::json labels; // {name: {"value", "count"}}; null when none
};

template <typename T>
T field_or(const nlohmann::json& node, const char* key, T fallback, const char* type_name,
           bool (nlohmann::json::*is)() const noexcept) {
    const auto it = node.find(key);
    if (it == node.end() || it->is_null()) return fallback;
    if (!((*it).*is)()) throw BadLine(std::string(key) + " must be " + type_name);
    return it->get<T>();
}

std::optional<std::string> optional_string(const nlohmann::json& node, const char* key) {
    const auto it = node.find(key);
    if (it == node.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) throw BadLine(std::string(key) + " must be a string");
    return it->get<std::string>();
}

void read_node(const nlohmann::json& node, const ImportedMessage* parent, int depth,
               const std::string& tree_id, std::int64_t now_ms, std::vector<ImportedMessage>& out) {
    if (depth > kMaxDepth) throw BadLine("the tree is deeper than " + std::to_string(kMaxDepth));
    if (out.size() >= kMaxMessagesPerTree) throw BadLine("the tree has too many messages");
    if (!node.is_object()) throw BadLine("a message must be an object");
    ImportedMessage message;
    auto& m = message.record;
    m.id = optional_string(node, "message_id").value_or("");
    if (m.id.empty()) throw BadLine("a message has no message_id");
    const std::string where = "message " + m.id + ": ";
    try {
        const auto text = optional_string(node, "text");
        if (!text) throw BadLine("it has no text");
        m.text = *text;
        m.role = optional_string(node, "role").value_or("");
        if (m.role != "prompter" && m.role != "assistant")
            throw BadLine("role must be prompter or assistant");
        if (parent && parent->record.role == m.role)
            throw BadLine("a " + m.role + " message answers a " + m.role + " message");
        if (!parent && m.role != "prompter") throw BadLine("a tree starts with a prompter message");
        const auto parent_id = optional_string(node, "parent_id");
        if (parent && parent_id && *parent_id != parent->record.id)
            throw BadLine("parent_id is not the message it is a reply to");
        if (!parent && parent_id) throw BadLine("the prompt has a parent_id");
        m.tree_id = tree_id;
        if (parent) m.parent_id = parent->record.id;
        m.depth = depth;
        m.lang = optional_string(node, "lang").value_or(parent ? parent->record.lang : "en");
        if (!domain::is_language_tag(m.lang)) throw BadLine("lang is not a language tag");
        m.user_id = optional_string(node, "user_id").value_or(kUnknownUser);
        if (m.user_id.empty() || m.user_id.size() > 200) throw BadLine("user_id is not an id");
        const auto created = optional_string(node, "created_date");
        m.created_ms = now_ms;
        if (created) {
            const auto parsed = domain::parse_iso8601(*created);
            if (!parsed) throw BadLine("created_date is not an ISO 8601 date");
            m.created_ms = *parsed;
        }
        m.review_count = static_cast<int>(field_or<long long>(node, "review_count", 0, "a number",
                                                              &nlohmann::json::is_number_integer));
        if (node.contains("review_result") && !node["review_result"].is_null()) {
            if (!node["review_result"].is_boolean())
                throw BadLine("review_result must be true or false");
            m.review_result = node["review_result"].get<bool>();
        }
        m.deleted =
            field_or<bool>(node, "deleted", false, "true or false", &nlohmann::json::is_boolean);
        if (node.contains("rank") && !node["rank"].is_null()) {
            if (!node["rank"].is_number_integer()) throw BadLine("rank must be a whole number");
            m.rank = node["rank"].get<int>();
        }
        m.synthetic =
            field_or<bool>(node, "synthetic", false, "true or false", &nlohmann::json::is_boolean);
        m.model_name = optional_string(node, "model_name");
        if (node.contains("emojis") && !node["emojis"].is_null()) {
            const auto& emojis = node["emojis"];
            if (!emojis.is_object()) throw BadLine("emojis must be an object");
            for (const auto& [code, count] : emojis.items())
                if (!count.is_number_integer()) throw BadLine("emojis must count whole numbers");
            m.emojis_json = emojis.dump();
        }
        if (node.contains("labels") && !node["labels"].is_null()) {
            const auto& labels = node["labels"];
            if (!labels.is_object()) throw BadLine("labels must be an object");
            nlohmann::json kept = nlohmann::json::object();
            for (const auto& [name, average] : labels.items()) {
                if (!average.is_object() || !average.contains("count") ||
                    !average["count"].is_number_integer() || average["count"].get<long>() < 1)
                    throw BadLine("label " + name + " must be {\"value\", \"count\"}");
                if (!average.contains("value") || average["value"].is_null())
                    continue; // oasst files list labels nobody gave a value for
                if (!average["value"].is_number())
                    throw BadLine("label " + name + " must have a number as its value");
                kept[name] = {{"value", average["value"]}, {"count", average["count"]}};
            }
            if (!kept.empty()) message.labels = std::move(kept);
        }
    } catch (const BadLine& bad) {
        throw BadLine(where + bad.what());
    }
    out.push_back(std::move(message));
    const std::size_t index = out.size() - 1;
    if (node.contains("replies") && !node["replies"].is_null()) {
        if (!node["replies"].is_array()) throw BadLine(where + "replies must be an array");
        for (const auto& reply : node["replies"]) {
            const ImportedMessage parent_copy = out[index]; // `out` may grow and move
            read_node(reply, &parent_copy, depth + 1, tree_id, now_ms, out);
        }
    }
}

struct ImportedTree {
    store::TreeRecord tree;
    std::vector<ImportedMessage> messages;
};

ImportedTree read_tree(const std::string& line, std::int64_t now_ms) {
    const auto json = nlohmann::json::parse(line, nullptr, false);
    if (json.is_discarded()) throw BadLine("not JSON");
    if (!json.is_object() || !json.contains("prompt") || !json["prompt"].is_object())
        throw BadLine("a line must be a tree: {\"message_tree_id\", \"prompt\", ...}");
    ImportedTree imported;
    const auto& prompt = json["prompt"];
    const std::string root_id = optional_string(prompt, "message_id").value_or("");
    const std::string tree_id = optional_string(json, "message_tree_id").value_or(root_id);
    if (tree_id != root_id) throw BadLine("message_tree_id must be the prompt's message_id");
    read_node(prompt, nullptr, 0, tree_id, now_ms, imported.messages);
    std::unordered_set<std::string> ids;
    for (const auto& message : imported.messages)
        if (!ids.insert(message.record.id).second)
            throw BadLine("message " + message.record.id + " appears twice");
    imported.tree.id = tree_id;
    imported.tree.origin = optional_string(json, "origin").value_or("import");
    imported.tree.lang = imported.messages.front().record.lang;
    imported.tree.created_ms = imported.messages.front().record.created_ms;
    return imported;
}

} // namespace

ImportSummary import_trees(store::Database& database, const ImportOptions& options) {
    ImportSummary summary;
    const std::int64_t now = domain::now_ms();
    LineReader reader(options.file);
    std::string line;
    // One transaction: all of the file or, when a line is bad (and skip_bad is off), none of it.
    store::Database::Transaction transaction(database);
    store::TreeStore store(transaction.statements());
    store::ImportStore known(transaction.statements());
    const auto config =
        domain::config_from_rows(store::ConfigStore(transaction.statements()).load_config());
    for (;;) {
        try {
            if (!reader.next(line)) break;
        } catch (const BadLine& bad) {
            summary.problems.push_back({summary.lines + 1, bad.what()});
            break; // the rest of the file cannot be read line by line
        }
        ++summary.lines;
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        try {
            auto imported = read_tree(line, now);
            if (known.has_tree(imported.tree.id)) {
                ++summary.already_there;
                continue;
            }
            for (const auto& message : imported.messages)
                if (known.has_message(message.record.id))
                    throw BadLine("message " + message.record.id + " is in another tree already");
            auto& tree = imported.tree;
            tree.state = options.as_growing ? domain::tree_state::kGrowing
                                            : domain::tree_state::kReadyForExport;
            tree.active = options.as_growing;
            tree.goal_tree_size = config.goal_tree_size;
            tree.max_depth = config.max_tree_depth;
            tree.max_children_count = config.max_children_count;
            std::unordered_map<std::string, int> children;
            for (const auto& message : imported.messages)
                if (message.record.parent_id && !message.record.deleted)
                    ++children[*message.record.parent_id];
            for (auto& message : imported.messages) {
                message.record.children_count = children[message.record.id];
                known.ensure_user(message.record.user_id, now);
                store.insert_message(message.record);
                if (!message.labels.is_null()) {
                    // The averages as the file gives them: one row, read back exactly by export.
                    known.ensure_user(kUnknownUser, now);
                    store.insert_labels(domain::new_uuid(), message.record.id, kUnknownUser,
                                        std::nullopt, message.labels.dump(), std::nullopt, false,
                                        message.record.created_ms);
                }
            }
            store.insert_tree(tree);
            ++summary.trees;
            summary.messages += static_cast<long>(imported.messages.size());
        } catch (const BadLine& bad) {
            summary.problems.push_back({summary.lines, bad.what()});
        }
    }
    if ((!summary.problems.empty() && !options.skip_bad) || summary.trees == 0) {
        summary.written = false;
        return summary; // the transaction rolls back
    }
    transaction.commit();
    summary.written = true;
    return summary;
}

} // namespace orchard::exporting
