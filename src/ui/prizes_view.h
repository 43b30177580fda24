// Prizes: the current ones with their time frame and how many win, and past ones with their
// winners.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_prizes(const ScreenInput& input);

} // namespace orchard::ui
