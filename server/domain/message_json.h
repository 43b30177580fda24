// The JSON shapes of messages in PROTOCOL.md §2-3: ConversationMessage (inside tasks) and Message.
#pragma once

#include "server/store/records.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace orchard::domain {

// `viewer_id` is who will read it: user_is_author, and the emoji counts hidden until they reacted.
nlohmann::json conversation_message_json(const store::MessageRecord& message,
                                         const std::string& viewer_id);
nlohmann::json conversation_json(const std::vector<store::MessageRecord>& messages,
                                 const std::string& viewer_id);
nlohmann::json message_json(const store::MessageRecord& message, const std::string& viewer_id);

} // namespace orchard::domain
