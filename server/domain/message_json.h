// The JSON shapes of messages in PROTOCOL.md §2-3: ConversationMessage (inside tasks) and Message.
#pragma once

#include "protocol/task.h"
#include "server/store/records.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace orchard::domain {

// `viewer_id` is who will read it (user_is_author); `viewer_emojis` are their own reactions.
// Emoji counts are shown only to the author, a moderator, or someone who reacted already, so
// that votes are not biased by earlier ones (PROTOCOL.md §3).
protocol::ConversationMessage
conversation_message(const store::MessageRecord& message, const std::string& viewer_id,
                     const std::vector<std::string>& viewer_emojis = {},
                     bool viewer_is_moderator = false);
std::vector<protocol::ConversationMessage>
shown_conversation(const std::vector<store::MessageRecord>& messages, const std::string& viewer_id);
nlohmann::json conversation_message_json(const store::MessageRecord& message,
                                         const std::string& viewer_id,
                                         const std::vector<std::string>& viewer_emojis = {},
                                         bool viewer_is_moderator = false);
nlohmann::json message_json(const store::MessageRecord& message, const std::string& viewer_id,
                            const std::vector<std::string>& viewer_emojis = {},
                            bool viewer_is_moderator = false);

} // namespace orchard::domain
