#include "server/domain/message_service.h"

#include "server/domain/domain_error.h"
#include "server/domain/flag_moderation.h"
#include "server/domain/ids.h"
#include "server/domain/label_input.h"
#include "server/domain/labels.h"
#include "server/domain/message_json.h"
#include "server/domain/request_fields.h"
#include "server/domain/text_limits.h"
#include "server/domain/tree_manager.h"

#include <algorithm>
#include <set>

namespace orchard::domain {

using protocol::ErrorCode;

namespace {

const std::set<std::string> kEmojis = {"+1",           "-1",   "red_flag", "100",
                                       "rofl",         "clap", "diamond",  "heart_eyes",
                                       "disappointed", "poop", "skull"};

} // namespace

store::MessageRecord MessageService::get(const std::string& id, bool include_deleted) {
    auto message = store_.find_message(id);
    if (!message || (message->deleted && !include_deleted))
        throw DomainError(ErrorCode::MessageNotFound, "Message " + id + " not found.");
    return *message;
}

store::MessageRecord
MessageService::get_by_frontend_id(const std::optional<std::string>& api_client_id,
                                   const std::string& frontend_message_id, bool include_deleted) {
    auto message = store_.find_message_by_frontend_id(api_client_id, frontend_message_id);
    if (!message || (message->deleted && !include_deleted))
        throw DomainError(ErrorCode::MessageNotFound,
                          "No message with frontend id " + frontend_message_id + ".");
    return *message;
}

nlohmann::json MessageService::to_json(const store::MessageRecord& message,
                                       const std::string& viewer_id, bool moderator) {
    return message_json(message, viewer_id, store_.user_emojis(message.id, viewer_id), moderator);
}

nlohmann::json MessageService::tree_state_json(const std::string& tree_id) {
    auto tree = store_.find_tree(tree_id);
    if (!tree) throw DomainError(ErrorCode::NoMessageTreeFound, "No message tree " + tree_id + ".");
    return {{"message_tree_id", tree->id},
            {"goal_tree_size", tree->goal_tree_size},
            {"max_depth", tree->max_depth},
            {"max_children_count", tree->max_children_count},
            {"state", tree->state},
            {"active", tree->active},
            {"origin", tree->origin ? nlohmann::json(*tree->origin) : nlohmann::json(nullptr)},
            {"won_prompt_lottery_date", tree->won_prompt_lottery_ms
                                            ? nlohmann::json(iso8601(*tree->won_prompt_lottery_ms))
                                            : nlohmann::json(nullptr)},
            {"lang", tree->lang}};
}

void MessageService::set_halted(const std::string& message_id, bool halted) {
    const auto message = get(message_id);
    auto tree = store_.find_tree(message.tree_id);
    if (!tree) throw DomainError(ErrorCode::NoMessageTreeFound, "The message has no tree.");
    if (halted) {
        store_.set_tree_state(tree->id, tree_state::kHaltedByModerator, now_ms_);
    } else if (tree->state == tree_state::kHaltedByModerator) {
        // Resumed trees start over from review if their prompt was never accepted.
        const auto root = get(tree->id);
        store_.set_tree_state(tree->id,
                              root.review_result == std::optional(true)
                                  ? tree_state::kGrowing
                                  : tree_state::kInitialPromptReview,
                              now_ms_);
    }
}

void MessageService::delete_subtree(const store::MessageRecord& message) {
    for (const auto& child : store_.children(message.id))
        delete_subtree(child);
    store_.set_deleted(message.id, true);
}

void MessageService::delete_message(const std::string& message_id,
                                    const std::optional<std::string>& moderator_id) {
    const auto message = get(message_id);
    FlagModeration flags(store_, config_, now_ms_);
    if (message.hidden) return flags.delete_hidden(message, moderator_id);
    if (message.deleted) return;
    delete_subtree(message);
    if (message.parent_id) store_.add_children_count(*message.parent_id, -1);
    // A moderator who deletes a flagged message has decided on its flags.
    store::ModerationStore(store_.statements()).decide(message.id, "remove", moderator_id, now_ms_);
}

void MessageService::undelete_message(const std::string& message_id,
                                      const std::optional<std::string>& moderator_id) {
    // Restores the message and every deleted ancestor, so that it is reachable again; a message
    // auto-moderation hid comes back with what it hid under it.
    FlagModeration flags(store_, config_, now_ms_);
    std::optional<std::string> next = message_id;
    while (next) {
        const auto message = get(*next);
        if (message.hidden) {
            flags.restore_hidden(message, moderator_id);
        } else if (message.deleted) {
            store_.set_deleted(message.id, false);
            if (message.parent_id) store_.add_children_count(*message.parent_id, +1);
        }
        next = message.parent_id;
    }
    store::ModerationStore(store_.statements()).decide(message_id, "keep", moderator_id, now_ms_);
}

void MessageService::edit(const std::string& message_id, const std::string& new_text,
                          const std::string& editor_id) {
    const auto message = get(message_id);
    if (new_text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw DomainError(ErrorCode::MessageTextEmpty, "The new text is empty.");
    check_text_length(new_text, config_.message_size_limit, "The new text");
    // Every earlier text is kept: the first edit also records the original.
    if (store_.revisions(message_id).empty())
        store_.insert_revision(new_uuid(), message_id, message.text, message.user_id,
                               message.created_ms);
    store_.insert_revision(new_uuid(), message_id, new_text, editor_id, now_ms_);
    store_.update_text(message_id, new_text);
}

nlohmann::json MessageService::history(const std::string& message_id) {
    (void)get(message_id);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& revision : store_.revisions(message_id))
        list.push_back({{"id", revision.id},
                        {"message_id", message_id},
                        {"text", revision.text},
                        {"user_id", revision.user_id},
                        {"created_date", iso8601(revision.created_ms)}});
    return list;
}

nlohmann::json MessageService::search(const std::string& query, int max_count,
                                      const std::optional<std::string>& before,
                                      const std::string& viewer_id, bool moderator) {
    // The cursor is the creation time of the last item seen: opaque to clients.
    std::optional<std::int64_t> before_ms;
    if (before) {
        try {
            before_ms = std::stoll(*before);
        } catch (const std::exception&) {
            throw DomainError(ErrorCode::InvalidCursor, "The cursor is not valid.");
        }
    }
    const int limit = std::clamp(max_count, 1, 1000);
    const auto found = store_.search_messages(query, limit, before_ms);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& message : found)
        items.push_back(to_json(message, viewer_id, moderator));
    return {{"prev", before ? nlohmann::json(*before) : nlohmann::json(nullptr)},
            {"next", static_cast<int>(found.size()) == limit
                         ? nlohmann::json(std::to_string(found.back().created_ms))
                         : nlohmann::json(nullptr)},
            {"sort_key", "created_date"},
            {"items", std::move(items)},
            {"order", "desc"}};
}

nlohmann::json MessageService::react(const Caller& caller, const std::string& message_id,
                                     const std::string& op, const std::string& emoji) {
    const auto message = get(message_id);
    if (op != "toggle" && op != "add" && op != "remove")
        throw DomainError(ErrorCode::EmojiOpUnsupported, "Emoji op must be toggle, add or remove.");
    if (!kEmojis.contains(emoji))
        throw DomainError(ErrorCode::EmojiOpUnsupported, "Unknown emoji '" + emoji + "'.");
    if (message.user_id == caller.user.id)
        throw DomainError(ErrorCode::NoSelfLabelingOrDuplicateTaskReply,
                          "You cannot react to your own message.");
    const std::string& user = caller.user.id;
    const bool has = store_.has_reaction(message_id, user, emoji);
    const bool add = op == "add" || (op == "toggle" && !has);
    if (add && !has) {
        // A thumbs up and a thumbs down from the same person exclude each other.
        if (emoji == "+1") store_.remove_reaction(message_id, user, "-1");
        if (emoji == "-1") store_.remove_reaction(message_id, user, "+1");
        store_.add_reaction(message_id, user, emoji, now_ms_);
        if (emoji == "red_flag")
            FlagModeration(store_, config_, now_ms_).on_red_flag(message_id, user);
    } else if (!add && has) {
        store_.remove_reaction(message_id, user, emoji);
    }
    store_.refresh_emoji_counts(message_id);
    return to_json(get(message_id), user, false);
}

void MessageService::free_labels(const Caller& caller, const protocol::TextLabels& labels,
                                 bool include_deleted) {
    const std::string& message_id = labels.message_id;
    const std::string& text = labels.text;
    const auto message = get(message_id, include_deleted);
    if (message.user_id == caller.user.id)
        throw DomainError(ErrorCode::NoSelfLabelingOrDuplicateTaskReply,
                          "You cannot label your own message.");
    std::vector<std::string> all;
    for (const auto& label : all_labels())
        all.push_back(label.name);
    check_label_values(labels.labels, all, {});
    check_text_length(text, config_.message_size_limit, "The comment");
    store_.insert_labels(
        new_uuid(), message_id, caller.user.id, std::nullopt, nlohmann::json(labels.labels).dump(),
        text.empty() ? std::nullopt : std::optional(text), labels.is_report, now_ms_);
    FlagModeration(store_, config_, now_ms_).on_labels(message_id, labels.labels, labels.is_report);
}

} // namespace orchard::domain
