#include "client/task_kinds.h"

#include <fstream>
#include <sstream>

namespace orchard::client {

namespace {

using protocol::TaskType;

constexpr TaskKindInfo kKinds[] = {
    {TaskType::InitialPrompt, "Write a prompt",
     "Start a new conversation with a question or a task for the assistant.",
     "Write what a person might ask an assistant: a question, a request, a task.",
     "initial_prompt.md"},
    {TaskType::AssistantReply, "Reply as the assistant",
     "Write the answer a helpful, honest assistant would give.",
     "Write the reply the assistant should give to the last message.", "assistant_reply.md"},
    {TaskType::PrompterReply, "Reply as the user",
     "Continue a conversation the way the person asking would.",
     "Write what the person would say next: a follow-up, a correction, a new question.",
     "prompter_reply.md"},
    {TaskType::RankAssistantReplies, "Rank assistant replies",
     "Put the assistant's answers to a message in order, best first.",
     "Order the replies from best to worst.", "rank_assistant_replies.md"},
    {TaskType::RankPrompterReplies, "Rank user replies",
     "Put people's follow-ups to an answer in order, best first.",
     "Order the replies from best to worst.", "rank_prompter_replies.md"},
    {TaskType::LabelInitialPrompt, "Label a prompt",
     "Say whether a prompt is genuine, clear and appropriate.",
     "Read the highlighted prompt and answer the questions about it.", "label_initial_prompt.md"},
    {TaskType::LabelAssistantReply, "Label an assistant reply",
     "Judge an answer's quality, helpfulness and tone.",
     "Read the highlighted reply and answer the questions about it.", "label_assistant_reply.md"},
    {TaskType::LabelPrompterReply, "Label a user reply",
     "Judge whether a user's message keeps the conversation going well.",
     "Read the highlighted reply and answer the questions about it.", "label_prompter_reply.md"},
};

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

std::string read_guidelines(const std::string& folder, const std::string& file) {
    std::ifstream in(folder + "/" + file);
    if (!in) return {};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace orchard::client
