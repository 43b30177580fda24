// A message of a conversation as a card: who speaks (user or assistant, told apart by label and
// colour stripe), the text rendered as Markdown, and the reactions and report link.
#pragma once

#include "protocol/task.h"

#include <string>

namespace orchard::ui {

struct MessageCardOptions {
    const char* id = "";                   // stable per message: caching and automation
    float width = 0;                       // CSS px
    bool compact = false;                  // phone-sized padding
    bool highlighted = false;              // the message the task is about
    const char* highlight_label = nullptr; // "the message to answer"
    bool reactions = true;                 // 👍 👎 🚩 and Report
    float collapsed_height = 0;            // > 0: show only this much text
    // The browser's translator may change the text: not where the text is being judged or
    // answered (a task), where the person must read what was written.
    bool translate = false;
};

struct MessageCardResult {
    std::string react;      // an emoji code the person pressed ("+1", "-1", "red_flag")
    bool report = false;    // the person wants to report the message
    bool truncated = false; // collapsed and longer than shown
};

MessageCardResult draw_message_card(const protocol::ConversationMessage& message,
                                    const MessageCardOptions& options);
long long count_or_zero(const protocol::ConversationMessage& message, const char* emoji);

} // namespace orchard::ui
