// The dashboard: the task kinds with their live counts in the chosen data language, each with a
// description, a start button with its shortcut and a link to its guidelines.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_dashboard(const ScreenInput& input);

} // namespace orchard::ui
