// The leaderboard: the four time frames as tabs, pages of twenty with Previous and Next, and
// "Show my position" for the neighbours around the person's own rank.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_leaderboard(const ScreenInput& input);

} // namespace orchard::ui
