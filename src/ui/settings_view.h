// Account settings: the display name, being shown on the leaderboards, a new password (guests
// keep their account instead), signing out on every device, and deleting the account.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_settings(const ScreenInput& input);

} // namespace orchard::ui
