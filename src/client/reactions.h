// A person's reaction to a message, shown at once, before the server answers: toggled on or off,
// a thumbs up and a thumbs down excluding each other, as the server applies it (POST
// /messages/{id}/emoji with op "toggle").
#pragma once

#include "protocol/task.h"

#include <string>

namespace orchard::client {

void toggle_own_reaction(protocol::ConversationMessage& message, const std::string& emoji);

} // namespace orchard::client
