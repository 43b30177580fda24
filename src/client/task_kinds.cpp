#include "client/task_kinds.h"

#include "client/app.h"

#include "i18n/translator.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string_view>

namespace orchard::client {

using i18n::tr;

namespace {

using protocol::TaskType;

constexpr TaskKindInfo kKinds[] = {
    {TaskType::InitialPrompt, "task_kinds.initial_prompt.title",
     "task_kinds.initial_prompt.description", "task_kinds.initial_prompt.instruction",
     "initial_prompt.md"},
    {TaskType::AssistantReply, "task_kinds.assistant_reply.title",
     "task_kinds.assistant_reply.description", "task_kinds.assistant_reply.instruction",
     "assistant_reply.md"},
    {TaskType::PrompterReply, "task_kinds.prompter_reply.title",
     "task_kinds.prompter_reply.description", "task_kinds.prompter_reply.instruction",
     "prompter_reply.md"},
    {TaskType::RankAssistantReplies, "task_kinds.rank_assistant_replies.title",
     "task_kinds.rank_assistant_replies.description",
     "task_kinds.rank_assistant_replies.instruction", "rank_assistant_replies.md"},
    {TaskType::RankPrompterReplies, "task_kinds.rank_prompter_replies.title",
     "task_kinds.rank_prompter_replies.description", "task_kinds.rank_prompter_replies.instruction",
     "rank_prompter_replies.md"},
    {TaskType::LabelInitialPrompt, "task_kinds.label_initial_prompt.title",
     "task_kinds.label_initial_prompt.description", "task_kinds.label_initial_prompt.instruction",
     "label_initial_prompt.md"},
    {TaskType::LabelAssistantReply, "task_kinds.label_assistant_reply.title",
     "task_kinds.label_assistant_reply.description", "task_kinds.label_assistant_reply.instruction",
     "label_assistant_reply.md"},
    {TaskType::LabelPrompterReply, "task_kinds.label_prompter_reply.title",
     "task_kinds.label_prompter_reply.description", "task_kinds.label_prompter_reply.instruction",
     "label_prompter_reply.md"},
};

// The labels of PROTOCOL.md §4 by wire name, with the keys of their words (the server's English
// is the English catalog's).
struct LabelKeys {
    std::string_view name;
    const char* title;
    const char* help;
    const char* short_name; // the label in a list of results ("Spam", "Fails task")
};

constexpr LabelKeys kLabels[] = {
    {"spam", "labeling.labels.spam.title", "labeling.labels.spam.help",
     "labeling.labels.spam.name"},
    {"fails_task", "labeling.labels.fails_task.title", "labeling.labels.fails_task.help",
     "labeling.labels.fails_task.name"},
    {"lang_mismatch", "labeling.labels.lang_mismatch.title", "labeling.labels.lang_mismatch.help",
     "labeling.labels.lang_mismatch.name"},
    {"pii", "labeling.labels.pii.title", "labeling.labels.pii.help", "labeling.labels.pii.name"},
    {"not_appropriate", "labeling.labels.not_appropriate.title",
     "labeling.labels.not_appropriate.help", "labeling.labels.not_appropriate.name"},
    {"hate_speech", "labeling.labels.hate_speech.title", "labeling.labels.hate_speech.help",
     "labeling.labels.hate_speech.name"},
    {"sexual_content", "labeling.labels.sexual_content.title",
     "labeling.labels.sexual_content.help", "labeling.labels.sexual_content.name"},
    {"moral_judgement", "labeling.labels.moral_judgement.title",
     "labeling.labels.moral_judgement.help", "labeling.labels.moral_judgement.name"},
    {"political_content", "labeling.labels.political_content.title",
     "labeling.labels.political_content.help", "labeling.labels.political_content.name"},
    {"quality", "labeling.labels.quality.title", "labeling.labels.quality.help",
     "labeling.labels.quality.name"},
    {"toxicity", "labeling.labels.toxicity.title", "labeling.labels.toxicity.help",
     "labeling.labels.toxicity.name"},
    {"humor", "labeling.labels.humor.title", "labeling.labels.humor.help",
     "labeling.labels.humor.name"},
    {"helpfulness", "labeling.labels.helpfulness.title", "labeling.labels.helpfulness.help",
     "labeling.labels.helpfulness.name"},
    {"creativity", "labeling.labels.creativity.title", "labeling.labels.creativity.help",
     "labeling.labels.creativity.name"},
    {"violence", "labeling.labels.violence.title", "labeling.labels.violence.help",
     "labeling.labels.violence.name"},
};

const LabelKeys* label_keys(const std::string& name) {
    for (const auto& keys : kLabels)
        if (keys.name == name) return &keys;
    return nullptr;
}

} // namespace

const TaskKindInfo& task_kind(protocol::TaskType type) {
    for (const auto& kind : kKinds)
        if (kind.type == type) return kind;
    return kKinds[0];
}

const TaskKindInfo* task_kind(const std::string& name) {
    auto type = protocol::task_type_from(name);
    return type ? &task_kind(*type) : nullptr;
}

const char* label_title(const protocol::LabelDescription& label) {
    const LabelKeys* keys = label_keys(label.name);
    return keys ? tr(keys->title) : label.display_text.c_str();
}

std::string label_name(const std::string& name) {
    if (const LabelKeys* keys = label_keys(name)) return tr(keys->short_name);
    return spelled_out(name); // a label newer than this client
}

const char* label_help(const protocol::LabelDescription& label) {
    // A label the server sent without an explanation has none in any language.
    if (label.help_text.empty()) return "";
    const LabelKeys* keys = label_keys(label.name);
    return keys ? tr(keys->help) : label.help_text.c_str();
}

std::string read_guidelines(const std::string& folder, const std::string& file) {
    std::ifstream in(folder + "/" + file);
    if (!in) return {};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace orchard::client
