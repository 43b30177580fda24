// The moderators' review queue (docs/flag-moderation.md): messages brought in by red flags,
// reports and flag labels, each with its reasons and the decisions, workable from the keyboard.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_moderation(const ScreenInput& input);

} // namespace orchard::ui
