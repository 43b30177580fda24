// The data explorer's answers (docs/explorer.md): the newest trees of a language, search hits
// with the matched words marked, a tree's messages and one message's details. The server writes
// them with to_json, the client reads them with parse_*.
#pragma once

#include "protocol/task.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::protocol {

// A piece of a search hit's excerpt: the words the search matched are pieces of their own.
struct TextSegment {
    std::string text;
    bool hit = false;
};

struct TreeCard {
    std::string message_tree_id; // also its prompt's id
    std::string state;
    std::string lang;
    std::string created_date;
    long long message_count = 0; // messages in the tree that are not deleted
    std::string prompt_excerpt;
};

struct TreePage {
    std::vector<TreeCard> items;
    std::optional<std::string> next; // the cursor of the following page
};

struct SearchHit {
    std::string message_id;
    std::string message_tree_id;
    std::string role; // "prompter" or "assistant"
    std::string lang;
    std::string created_date;
    std::vector<TextSegment> excerpt;
};

struct SearchPage {
    std::vector<SearchHit> items;
    std::optional<std::string> next;
};

// One message of a tree as GET /messages/{id}/tree sends it: the conversation fields and where
// it stands in the tree.
struct TreeMessage {
    ConversationMessage message;
    std::optional<std::string> parent_id;
    std::optional<long long> rank;
    std::optional<bool> review_result;
    long long review_count = 0;
    std::string created_date;
    bool deleted = false; // only moderators are sent deleted messages
    bool edited = false;
};

struct TreeMessages {
    std::string message_tree_id;
    std::vector<TreeMessage> messages;
};

struct LabelSummary {
    double value = 0; // the mean of the answers
    long long count = 0;
};

struct MessageDetails {
    std::string message_id;
    std::string message_tree_id;
    std::string tree_state;
    std::string author_display_name;
    std::string role;
    std::string lang;
    std::string created_date;
    std::optional<long long> rank;
    std::optional<bool> review_result;
    long long review_count = 0;
    long long ranking_count = 0;
    // Other people's labels are shown once the tree no longer asks for them, so that nobody
    // labels by what others said; until then `labels_shown` is false and `labels` empty.
    bool labels_shown = false;
    std::map<std::string, LabelSummary> labels;
    std::map<std::string, long long> emojis; // shown as GET /messages/{id} shows them
    std::vector<std::string> user_emojis;
    bool user_is_author = false;
};

nlohmann::json to_json(const TreeCard& card);
nlohmann::json to_json(const TreePage& page);
nlohmann::json to_json(const SearchHit& hit);
nlohmann::json to_json(const SearchPage& page);
nlohmann::json to_json(const MessageDetails& details);

std::optional<TreePage> parse_tree_page(std::string_view body);
std::optional<SearchPage> parse_search_page(std::string_view body);
std::optional<TreeMessages> parse_tree_messages(std::string_view body);
std::optional<MessageDetails> parse_message_details(std::string_view body);

} // namespace orchard::protocol
