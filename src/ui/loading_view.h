// While the session is checked at start: a line where the screen will be.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_loading(const ScreenInput& input);

} // namespace orchard::ui
