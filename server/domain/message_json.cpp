#include "server/domain/message_json.h"

#include "server/domain/ids.h"

namespace orchard::domain {

namespace {

std::map<std::string, long long> emoji_counts(const store::MessageRecord& message) {
    std::map<std::string, long long> counts;
    const auto emojis = nlohmann::json::parse(message.emojis_json, nullptr, false);
    if (emojis.is_object())
        for (const auto& [code, count] : emojis.items())
            if (count.is_number_integer()) counts[code] = count.get<long long>();
    return counts;
}

} // namespace

protocol::ConversationMessage conversation_message(const store::MessageRecord& message,
                                                   const std::string& viewer_id,
                                                   const std::vector<std::string>& viewer_emojis,
                                                   bool viewer_is_moderator) {
    const bool show_counts =
        viewer_is_moderator || message.user_id == viewer_id || !viewer_emojis.empty();
    protocol::ConversationMessage shown;
    shown.id = message.id;
    shown.user_id = message.user_id;
    shown.frontend_message_id = message.frontend_message_id;
    shown.text = message.text;
    shown.lang = message.lang;
    shown.is_assistant = message.role == "assistant";
    if (show_counts) shown.emojis = emoji_counts(message);
    shown.user_emojis = viewer_emojis;
    shown.user_is_author = message.user_id == viewer_id;
    shown.synthetic = message.synthetic;
    return shown;
}

std::vector<protocol::ConversationMessage>
shown_conversation(const std::vector<store::MessageRecord>& messages,
                   const std::string& viewer_id) {
    std::vector<protocol::ConversationMessage> shown;
    shown.reserve(messages.size());
    for (const auto& message : messages)
        shown.push_back(conversation_message(message, viewer_id));
    return shown;
}

nlohmann::json conversation_message_json(const store::MessageRecord& message,
                                         const std::string& viewer_id,
                                         const std::vector<std::string>& viewer_emojis,
                                         bool viewer_is_moderator) {
    return protocol::to_json(
        conversation_message(message, viewer_id, viewer_emojis, viewer_is_moderator));
}

nlohmann::json message_json(const store::MessageRecord& message, const std::string& viewer_id,
                            const std::vector<std::string>& viewer_emojis,
                            bool viewer_is_moderator) {
    nlohmann::json json =
        conversation_message_json(message, viewer_id, viewer_emojis, viewer_is_moderator);
    json["parent_id"] =
        message.parent_id ? nlohmann::json(*message.parent_id) : nlohmann::json(nullptr);
    json["created_date"] = iso8601(message.created_ms);
    json["review_result"] =
        message.review_result ? nlohmann::json(*message.review_result) : nlohmann::json(nullptr);
    json["review_count"] = message.review_count;
    // Orchard's addition (docs/flag-moderation.md): a message hidden by auto-moderation awaits a
    // moderator's decision; it is out of the tree like a deleted one but not deleted.
    json["deleted"] = message.deleted && !message.hidden;
    json["hidden"] = message.hidden;
    json["edited"] = message.edited;
    json["model_name"] =
        message.model_name ? nlohmann::json(*message.model_name) : nlohmann::json(nullptr);
    json["message_tree_id"] = message.tree_id;
    json["ranking_count"] = message.ranking_count;
    json["rank"] = message.rank ? nlohmann::json(*message.rank) : nlohmann::json(nullptr);
    json["role"] = message.role;
    // Orchard's additions (docs/late-contributions.md): a reply written for a task whose tree
    // stopped growing meanwhile is kept but stays out of reviews and rankings; reviews and
    // rankings that came after their round closed are counted apart from review_count and
    // ranking_count.
    json["arrived_after_growing"] = message.arrived_after_growing;
    json["late_review_count"] = message.late_review_count;
    json["late_ranking_count"] = message.late_ranking_count;
    return json;
}

} // namespace orchard::domain
