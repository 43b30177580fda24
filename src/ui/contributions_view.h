// My contributions: the messages the person wrote, newest first, with how their review went,
// their rank among siblings and the replies they received.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_contributions(const ScreenInput& input);

} // namespace orchard::ui
