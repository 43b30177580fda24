// The admins' API keys screen (docs/moderation.md): every API client with its users, enabled
// and trusted switches, a new client, and a key rotated after a confirmation. A key issued is
// shown once, to be copied, until dismissed.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_api_keys(const ScreenInput& input);

} // namespace orchard::ui
