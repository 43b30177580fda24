#include "server/export/importer.h"

#include "server/domain/config.h"
#include "server/domain/ids.h"
#include "server/domain/language_tag.h"
#include "server/domain/tree_manager.h"
#include "server/store/config_store.h"
#include "server/store/database.h"
#include "server/store/import_store.h"
#include "server/store/tree_store.h"

#include "protocol/fields.h"

#include <climits>
#include <cstdint>
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

// The one reader of untrusted fields (protocol::Fields): null or absent is the fallback, another
// type is a malformed line naming the field.
class NodeFields {
  public:
    explicit NodeFields(const nlohmann::json& node) : fields_(node) { check(); }

    std::optional<std::string> string(const char* key) const {
        if (!fields_.has(key)) return check(std::optional<std::string>());
        return check(std::optional(fields_.string_or(key)));
    }
    std::int64_t integer(const char* key, std::int64_t fallback) const {
        return check(fields_.int_or(key, fallback, INT32_MIN, INT32_MAX));
    }
    std::optional<std::int64_t> optional_integer(const char* key) const {
        if (!fields_.has(key)) return check(std::optional<std::int64_t>());
        return check(std::optional(fields_.int_or(key, 0, INT32_MIN, INT32_MAX)));
    }
    bool boolean(const char* key, bool fallback) const {
        return check(fields_.bool_or(key, fallback));
    }
    std::optional<bool> optional_boolean(const char* key) const {
        if (!fields_.has(key)) return check(std::optional<bool>());
        return check(std::optional(fields_.bool_or(key, false)));
    }
    const nlohmann::json* object(const char* key) const { return check(fields_.object(key)); }
    const nlohmann::json* array(const char* key) const { return check(fields_.array(key)); }

  private:
    template <typename T> T check(T value) const {
        check();
        return value;
    }
    void check() const {
        if (fields_.problem()) throw BadLine(fields_.problem()->message);
    }

    protocol::Fields fields_;
};

void read_node(const nlohmann::json& node, const ImportedMessage* parent, int depth,
               const std::string& tree_id, std::int64_t now_ms, std::vector<ImportedMessage>& out) {
    if (depth > kMaxDepth) throw BadLine("the tree is deeper than " + std::to_string(kMaxDepth));
    if (out.size() >= kMaxMessagesPerTree) throw BadLine("the tree has too many messages");
    if (!node.is_object()) throw BadLine("a message must be an object");
    const NodeFields fields(node);
    ImportedMessage message;
    auto& m = message.record;
    m.id = fields.string("message_id").value_or("");
    if (m.id.empty()) throw BadLine("a message has no message_id");
    const std::string where = "message " + m.id + ": ";
    try {
        const auto text = fields.string("text");
        if (!text) throw BadLine("it has no text");
        m.text = *text;
        m.role = fields.string("role").value_or("");
        if (m.role != "prompter" && m.role != "assistant")
            throw BadLine("role must be prompter or assistant");
        if (parent && parent->record.role == m.role)
            throw BadLine("a " + m.role + " message answers a " + m.role + " message");
        if (!parent && m.role != "prompter") throw BadLine("a tree starts with a prompter message");
        const auto parent_id = fields.string("parent_id");
        if (parent && parent_id && *parent_id != parent->record.id)
            throw BadLine("parent_id is not the message it is a reply to");
        if (!parent && parent_id) throw BadLine("the prompt has a parent_id");
        m.tree_id = tree_id;
        if (parent) m.parent_id = parent->record.id;
        m.depth = depth;
        m.lang = fields.string("lang").value_or(parent ? parent->record.lang : "en");
        if (!domain::is_language_tag(m.lang)) throw BadLine("lang is not a language tag");
        m.user_id = fields.string("user_id").value_or(kUnknownUser);
        if (m.user_id.empty() || m.user_id.size() > 200) throw BadLine("user_id is not an id");
        const auto created = fields.string("created_date");
        m.created_ms = now_ms;
        if (created) {
            const auto parsed = domain::parse_iso8601(*created);
            if (!parsed) throw BadLine("created_date is not an ISO 8601 date");
            m.created_ms = *parsed;
        }
        m.review_count = static_cast<int>(fields.integer("review_count", 0));
        m.review_result = fields.optional_boolean("review_result");
        m.deleted = fields.boolean("deleted", false);
        if (const auto rank = fields.optional_integer("rank")) m.rank = static_cast<int>(*rank);
        m.synthetic = fields.boolean("synthetic", false);
        m.model_name = fields.string("model_name");
        if (const auto* emojis = fields.object("emojis")) {
            for (const auto& [code, count] : emojis->items())
                if (!count.is_number_integer()) throw BadLine("emojis must count whole numbers");
            m.emojis_json = emojis->dump();
        }
        if (const auto* found = fields.object("labels")) {
            const auto& labels = *found;
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
    const nlohmann::json* replies = nullptr;
    try {
        replies = fields.array("replies");
    } catch (const BadLine& bad) {
        throw BadLine(where + bad.what());
    }
    if (replies) {
        for (const auto& reply : *replies) {
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
    const std::string root_id = NodeFields(prompt).string("message_id").value_or("");
    const NodeFields tree_fields(json);
    const std::string tree_id = tree_fields.string("message_tree_id").value_or(root_id);
    if (tree_id != root_id) throw BadLine("message_tree_id must be the prompt's message_id");
    read_node(prompt, nullptr, 0, tree_id, now_ms, imported.messages);
    std::unordered_set<std::string> ids;
    for (const auto& message : imported.messages)
        if (!ids.insert(message.record.id).second)
            throw BadLine("message " + message.record.id + " appears twice");
    imported.tree.id = tree_id;
    imported.tree.origin = tree_fields.string("origin").value_or("import");
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
