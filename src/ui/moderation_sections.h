// The moderation screens' own row of sections, under their title: the review queue, people, the
// trees and, for admins, API keys and the audit log. (The top bar has one entry for them all.)
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

// The title and the row, in the current column `width` wide.
void draw_moderation_sections(const ScreenInput& input, float width);

} // namespace orchard::ui
