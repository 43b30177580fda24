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

std::optional<ConversationMessage> message_from(const nlohmann::json& json) {
    auto id = read_string(json, "id");
    auto text = read_string(json, "text");
    if (!id || !text) return std::nullopt;
    ConversationMessage message;
    message.id = *id;
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

// A list of messages under `key`; nullopt when any entry is malformed.
std::optional<std::vector<ConversationMessage>> messages_from(const nlohmann::json& list) {
    std::vector<ConversationMessage> messages;
    if (!list.is_array()) return std::nullopt;
    for (const auto& item : list) {
        auto message = message_from(item);
        if (!message) return std::nullopt;
        messages.push_back(std::move(*message));
    }
    return messages;
}

std::optional<LabelWidget> widget_from(std::string_view name) {
    if (name == "yes_no") return LabelWidget::YesNo;
    if (name == "flag") return LabelWidget::Flag;
    if (name == "likert") return LabelWidget::Likert;
    return std::nullopt;
}

} // namespace

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
    } else if (*type != TaskType::InitialPrompt) {
        return std::nullopt;
    }
    if (is_ranking(*type)) {
        auto it = json->find("reply_messages");
        if (it == json->end()) return std::nullopt;
        auto replies = messages_from(*it);
        if (!replies || replies->empty()) return std::nullopt;
        task.reply_messages = std::move(*replies);
        task.reveal_synthetic = read_bool(*json, "reveal_synthetic").value_or(false);
    }
    if (is_labeling(*type)) {
        auto message_id = read_string(*json, "message_id");
        if (!message_id || task.conversation.empty()) return std::nullopt;
        task.message_id = *message_id;
        task.valid_labels = read_string_list(*json, "valid_labels");
        task.mandatory_labels = read_string_list(*json, "mandatory_labels");
        task.full_mode = read_string(*json, "mode").value_or("simple") == "full";
        if (auto it = json->find("labels"); it != json->end() && it->is_array()) {
            for (const auto& item : *it) {
                auto name = read_string(item, "name");
                auto widget = widget_from(read_string(item, "widget").value_or(""));
                if (!name || !widget) return std::nullopt;
                task.labels.push_back({*name, *widget,
                                       read_string(item, "display_text").value_or(*name),
                                       read_string(item, "help_text").value_or("")});
            }
        }
        if (task.labels.empty()) return std::nullopt;
    }
    return task;
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
