#include "protocol/task.h"

#include "protocol/json_read.h"

namespace orchard::protocol {

namespace {

struct TypeName {
    TaskType type;
    const char* name;
};

constexpr TypeName kTypeNames[] = {
    {TaskType::InitialPrompt, "initial_prompt"},
    {TaskType::AssistantReply, "assistant_reply"},
    {TaskType::PrompterReply, "prompter_reply"},
    {TaskType::RankAssistantReplies, "rank_assistant_replies"},
    {TaskType::RankPrompterReplies, "rank_prompter_replies"},
    {TaskType::LabelInitialPrompt, "label_initial_prompt"},
    {TaskType::LabelAssistantReply, "label_assistant_reply"},
    {TaskType::LabelPrompterReply, "label_prompter_reply"},
};

// A list of messages under `key`; nullopt when any entry is malformed.
std::optional<std::vector<ConversationMessage>> messages_from(const nlohmann::json& list) {
    std::vector<ConversationMessage> messages;
    if (!list.is_array()) return std::nullopt;
    for (const auto& item : list) {
        auto message = conversation_message_from(item);
        if (!message) return std::nullopt;
        messages.push_back(std::move(*message));
    }
    return messages;
}

constexpr LabelWidget kWidgets[] = {LabelWidget::YesNo, LabelWidget::Flag, LabelWidget::Likert};

std::optional<LabelWidget> widget_from(std::string_view name) {
    for (const LabelWidget widget : kWidgets)
        if (name == to_string(widget)) return widget;
    return std::nullopt;
}

nlohmann::json messages_json(const std::vector<ConversationMessage>& messages) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& message : messages)
        list.push_back(to_json(message));
    return list;
}

} // namespace

std::optional<ConversationMessage> conversation_message_from(const nlohmann::json& json) {
    auto id = read_string(json, "id");
    auto text = read_string(json, "text");
    if (!id || !text) return std::nullopt;
    ConversationMessage message;
    message.id = *id;
    message.user_id = read_string(json, "user_id").value_or("");
    message.frontend_message_id = read_string(json, "frontend_message_id");
    message.text = *text;
    message.lang = read_string(json, "lang").value_or("");
    message.is_assistant = read_bool(json, "is_assistant").value_or(false);
    message.synthetic = read_bool(json, "synthetic").value_or(false);
    message.user_is_author = read_bool(json, "user_is_author").value_or(false);
    message.user_emojis = read_string_list(json, "user_emojis");
    if (auto it = json.find("emojis"); it != json.end() && it->is_object())
        for (const auto& [code, count] : it->items())
            if (count.is_number_integer()) message.emojis[code] = count.get<long long>();
    return message;
}

nlohmann::json to_json(const LabelDescription& label) {
    return {{"name", label.name},
            {"widget", to_string(label.widget)},
            {"display_text", label.display_text},
            {"help_text", label.help_text}};
}

std::optional<LabelDescription> label_description_from(const nlohmann::json& json) {
    if (!json.is_object()) return std::nullopt;
    auto name = read_string(json, "name");
    auto widget = widget_from(read_string(json, "widget").value_or(""));
    if (!name || !widget) return std::nullopt;
    return LabelDescription{*name, *widget, read_string(json, "display_text").value_or(*name),
                            read_string(json, "help_text").value_or("")};
}

std::optional<std::vector<LabelDescription>> parse_valid_labels(std::string_view body) {
    auto json = parse_json(body);
    if (!json || !json->is_object()) return std::nullopt;
    auto list = json->find("valid_labels");
    if (list == json->end() || !list->is_array()) return std::nullopt;
    std::vector<LabelDescription> labels;
    for (const auto& item : *list) {
        auto label = label_description_from(item);
        if (!label) return std::nullopt;
        labels.push_back(std::move(*label));
    }
    return labels;
}

const char* to_string(LabelWidget widget) {
    switch (widget) {
    case LabelWidget::YesNo:
        return "yes_no";
    case LabelWidget::Flag:
        return "flag";
    case LabelWidget::Likert:
        return "likert";
    }
    return "yes_no"; // unreachable for valid enum values; keeps -Wreturn-type quiet
}

const char* to_string(TaskType type) {
    for (const auto& entry : kTypeNames)
        if (entry.type == type) return entry.name;
    return "unknown";
}

std::optional<TaskType> task_type_from(std::string_view name) {
    for (const auto& entry : kTypeNames)
        if (name == entry.name) return entry.type;
    return std::nullopt;
}

bool is_writing(TaskType type) {
    return type == TaskType::InitialPrompt || type == TaskType::AssistantReply ||
           type == TaskType::PrompterReply;
}

bool is_ranking(TaskType type) {
    return type == TaskType::RankAssistantReplies || type == TaskType::RankPrompterReplies;
}

bool is_labeling(TaskType type) {
    return !is_writing(type) && !is_ranking(type);
}

std::optional<Task> parse_task(std::string_view body) {
    auto json = parse_json(body);
    if (!json) return std::nullopt;
    return task_from_json(*json);
}

std::optional<Task> task_from_json(const nlohmann::json& object, Conversation conversation) {
    const nlohmann::json* json = &object;
    auto id = read_string(*json, "id");
    auto type_name = read_string(*json, "type");
    if (!id || !type_name) return std::nullopt;
    auto type = task_type_from(*type_name);
    if (!type) return std::nullopt;
    Task task;
    task.id = *id;
    task.type = *type;
    if (auto it = json->find("conversation"); it != json->end() && it->is_object()) {
        auto messages = messages_from(it->value("messages", nlohmann::json::array()));
        if (!messages) return std::nullopt;
        task.conversation = std::move(*messages);
    } else if (*type != TaskType::InitialPrompt && conversation == Conversation::Required) {
        return std::nullopt;
    }
    if (is_ranking(*type)) {
        auto it = json->find("reply_messages");
        if (it == json->end()) return std::nullopt;
        auto replies = messages_from(*it);
        if (!replies || replies->empty()) return std::nullopt;
        task.reply_messages = std::move(*replies);
        task.reveal_synthetic = read_bool(*json, "reveal_synthetic").value_or(false);
        task.message_tree_id = read_string(*json, "message_tree_id").value_or("");
        task.ranking_parent_id = read_string(*json, "ranking_parent_id").value_or("");
    }
    if (is_labeling(*type)) {
        auto message_id = read_string(*json, "message_id");
        if (!message_id) return std::nullopt;
        if (task.conversation.empty() && conversation == Conversation::Required)
            return std::nullopt;
        task.message_id = *message_id;
        task.valid_labels = read_string_list(*json, "valid_labels");
        task.mandatory_labels = read_string_list(*json, "mandatory_labels");
        task.full_mode = read_string(*json, "mode").value_or("simple") == "full";
        if (auto it = json->find("labels"); it != json->end() && it->is_array()) {
            for (const auto& item : *it) {
                auto label = label_description_from(item);
                if (!label) return std::nullopt;
                task.labels.push_back(std::move(*label));
            }
        }
        if (task.labels.empty()) return std::nullopt;
    }
    return task;
}

nlohmann::json to_json(const ConversationMessage& message) {
    return {
        {"id", message.id},
        {"user_id", message.user_id},
        {"frontend_message_id", message.frontend_message_id
                                    ? nlohmann::json(*message.frontend_message_id)
                                    : nlohmann::json(nullptr)},
        {"text", message.text},
        {"lang", message.lang},
        {"is_assistant", message.is_assistant},
        {"emojis", message.emojis},
        {"user_emojis", message.user_emojis},
        {"user_is_author", message.user_is_author},
        {"synthetic", message.synthetic},
    };
}

nlohmann::json to_json(const Task& task) {
    nlohmann::json json = {{"id", task.id}, {"type", to_string(task.type)}};
    if (task.type == TaskType::InitialPrompt || task.type == TaskType::PrompterReply)
        json["hint"] = nullptr;
    if (task.type != TaskType::InitialPrompt)
        json["conversation"] = {{"messages", messages_json(task.conversation)}};
    if (is_labeling(task.type)) {
        json["message_id"] = task.message_id;
        const char* text_key = task.type == TaskType::LabelInitialPrompt ? "prompt" : "reply";
        json[text_key] = task.conversation.empty() ? "" : task.conversation.back().text;
        json["valid_labels"] = task.valid_labels;
        json["mandatory_labels"] = task.mandatory_labels;
        json["mode"] = task.full_mode ? "full" : "simple";
        json["disposition"] = "quality";
        nlohmann::json labels = nlohmann::json::array();
        for (const auto& label : task.labels)
            labels.push_back(to_json(label));
        json["labels"] = std::move(labels);
    }
    if (is_ranking(task.type)) {
        nlohmann::json texts = nlohmann::json::array();
        for (const auto& reply : task.reply_messages)
            texts.push_back(reply.text);
        json["replies"] = std::move(texts);
        json["reply_messages"] = messages_json(task.reply_messages);
        json["message_tree_id"] = task.message_tree_id;
        json["ranking_parent_id"] = task.ranking_parent_id;
        json["reveal_synthetic"] = task.reveal_synthetic;
    }
    return json;
}

std::optional<Availability> parse_availability(std::string_view body) {
    auto json = parse_json(body);
    if (!json || !json->is_object()) return std::nullopt;
    Availability availability;
    for (const auto& [name, count] : json->items())
        if (count.is_number_integer()) availability[name] = count.get<long long>();
    return availability;
}

} // namespace orchard::protocol
