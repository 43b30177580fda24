// The task shapes of PROTOCOL.md §2: the eight task types, the conversation they show, the labels
// to answer and the replies to rank. The server writes tasks with to_json (and reads back the
// stored copy to check answers), the client reads them with parse_task: one shape for both ends.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::protocol {

enum class TaskType {
    InitialPrompt,
    AssistantReply,
    PrompterReply,
    RankAssistantReplies,
    RankPrompterReplies,
    LabelInitialPrompt,
    LabelAssistantReply,
    LabelPrompterReply,
};

inline constexpr TaskType kAllTaskTypes[] = {
    TaskType::InitialPrompt,        TaskType::AssistantReply,      TaskType::PrompterReply,
    TaskType::RankAssistantReplies, TaskType::RankPrompterReplies, TaskType::LabelInitialPrompt,
    TaskType::LabelAssistantReply,  TaskType::LabelPrompterReply,
};

const char* to_string(TaskType type);
std::optional<TaskType> task_type_from(std::string_view name);

bool is_writing(TaskType type); // initial prompt, assistant reply, prompter reply
bool is_ranking(TaskType type);
bool is_labeling(TaskType type);

struct ConversationMessage {
    std::string id;
    std::string user_id;
    std::optional<std::string> frontend_message_id;
    std::string text;
    std::string lang;
    bool is_assistant = false;
    bool synthetic = false;
    bool user_is_author = false;
    std::map<std::string, long long> emojis; // "+1", "-1", "red_flag" → count (when shown)
    std::vector<std::string> user_emojis;    // the viewer's own reactions
};

// How a frontend asks for a label.
enum class LabelWidget {
    YesNo,  // a question answered yes (1) or no (0)
    Flag,   // a checkbox: set (1) or not (0)
    Likert, // five steps: 0, .25, .5, .75, 1
};
// The wire name of a widget: "yes_no", "flag", "likert".
const char* to_string(LabelWidget widget);

struct LabelDescription {
    std::string name;
    LabelWidget widget = LabelWidget::Flag;
    std::string display_text;
    std::string help_text;
};

struct Task {
    std::string id;
    TaskType type = TaskType::InitialPrompt;
    std::vector<ConversationMessage>
        conversation; // from the root; for labels, the last one is labeled
    // Ranking
    std::vector<ConversationMessage> reply_messages;
    bool reveal_synthetic = false;
    std::string message_tree_id;
    std::string ranking_parent_id;
    // Labeling
    std::string message_id; // the message to label
    std::vector<std::string> valid_labels;
    std::vector<std::string> mandatory_labels;
    bool full_mode = false;
    std::vector<LabelDescription> labels;
};

std::optional<Task> parse_task(std::string_view body);
// Whether a task without its conversation is whole: the server checks answers against the
// task's own fields and leaves the conversation, most of its text, unread.
enum class Conversation { Required, Optional };
std::optional<Task> task_from_json(const nlohmann::json& json,
                                   Conversation conversation = Conversation::Required);

nlohmann::json to_json(const ConversationMessage& message);
nlohmann::json to_json(const LabelDescription& label);
// A label as to_json writes it; nullopt without its name or a known widget.
std::optional<LabelDescription> label_description_from(const nlohmann::json& json);
// GET /api/v1/text_labels/valid_labels: {"valid_labels": [label]}.
std::optional<std::vector<LabelDescription>> parse_valid_labels(std::string_view body);
// A message as to_json writes it; nullopt without its id or text.
std::optional<ConversationMessage> conversation_message_from(const nlohmann::json& json);
// The task as PROTOCOL.md §2 sends it, with Open-Assistant's fields derived from Orchard's (the
// replies' texts, the labeled text as "prompt" or "reply", a null hint).
nlohmann::json to_json(const Task& task);

// POST /api/v1/tasks/availability: task type name → how many the person can get now.
using Availability = std::map<std::string, long long>;
std::optional<Availability> parse_availability(std::string_view body);

} // namespace orchard::protocol
