// The UI side of the screens table (client/screens.h): how each screen is drawn.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

// Draws the screen on show, in the main area under the top bar.
void draw_screen(const ScreenInput& input);

} // namespace orchard::ui
