// The contributor terms, shown once before the first task (tasks are refused until accepted).
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_terms(const ScreenInput& input);

} // namespace orchard::ui
