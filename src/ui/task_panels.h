// The work areas of the task screen, one per kind of task, and the submit/skip row under them.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_writing_panel(const ScreenInput& input, float width);
void draw_labeling_panel(const ScreenInput& input, float width);
void draw_ranking_panel(const ScreenInput& input, float width);
void draw_task_actions(const ScreenInput& input, float width);

} // namespace orchard::ui
