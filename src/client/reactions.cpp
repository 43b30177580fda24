#include "client/reactions.h"

#include <algorithm>

namespace orchard::client {

namespace {

void take_back(protocol::ConversationMessage& message, std::vector<std::string>::iterator mine,
               const std::string& emoji) {
    message.user_emojis.erase(mine);
    message.emojis[emoji] = std::max(0LL, message.emojis[emoji] - 1);
}

} // namespace

void toggle_own_reaction(protocol::ConversationMessage& message, const std::string& emoji) {
    auto& mine = message.user_emojis;
    if (auto it = std::find(mine.begin(), mine.end(), emoji); it != mine.end()) {
        take_back(message, it, emoji);
        return;
    }
    if (emoji == "+1" || emoji == "-1") {
        const std::string other = emoji == "+1" ? "-1" : "+1";
        if (auto it = std::find(mine.begin(), mine.end(), other); it != mine.end())
            take_back(message, it, other);
    }
    mine.push_back(emoji);
    message.emojis[emoji] += 1;
}

} // namespace orchard::client
