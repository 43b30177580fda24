// My profile: level and progress, streak, points in each time frame, a chart of points per day
// over the last 30 days, and the ledger of every event that earned points.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_profile(const ScreenInput& input);

} // namespace orchard::ui
