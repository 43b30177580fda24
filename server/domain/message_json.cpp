#include "server/domain/message_json.h"

#include "server/domain/ids.h"

namespace orchard::domain {

namespace {

nlohmann::json emoji_counts(const store::MessageRecord& message) {
    auto emojis = nlohmann::json::parse(message.emojis_json, nullptr, false);
    return emojis.is_object() ? emojis : nlohmann::json::object();
}

} // namespace

nlohmann::json conversation_message_json(const store::MessageRecord& message,
                                         const std::string& viewer_id,
                                         const std::vector<std::string>& viewer_emojis,
                                         bool viewer_is_moderator) {
    const bool show_counts =
        viewer_is_moderator || message.user_id == viewer_id || !viewer_emojis.empty();
    return {
        {"id", message.id},
        {"user_id", message.user_id},
        {"frontend_message_id", message.frontend_message_id
                                    ? nlohmann::json(*message.frontend_message_id)
                                    : nlohmann::json(nullptr)},
        {"text", message.text},
        {"lang", message.lang},
        {"is_assistant", message.role == "assistant"},
        {"emojis", show_counts ? emoji_counts(message) : nlohmann::json::object()},
        {"user_emojis", viewer_emojis},
        {"user_is_author", message.user_id == viewer_id},
        {"synthetic", message.synthetic},
    };
}

nlohmann::json conversation_json(const std::vector<store::MessageRecord>& messages,
                                 const std::string& viewer_id) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& message : messages)
        list.push_back(conversation_message_json(message, viewer_id));
    return {{"messages", std::move(list)}};
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
