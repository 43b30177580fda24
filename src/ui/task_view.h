// The task screen: the conversation from the root with the message the task is about
// highlighted, the work area for the task's type, and submit / skip with their shortcuts.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_task(const ScreenInput& input);

} // namespace orchard::ui
