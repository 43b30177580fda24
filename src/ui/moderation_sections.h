// The moderation screens' own row of sections, under their title: the review queue, people, the
// trees and, for admins, API keys and the audit log. (The top bar has one entry for them all.)
#pragma once

#include "ui/layout.h"
#include "ui/screen_input.h"

namespace orchard::ui {

// The frame each moderation screen draws in: its column, the title and the row of sections;
// returns the column, which end_moderation_page closes.
Column begin_moderation_page(const ScreenInput& input);
void end_moderation_page(const Column& column);

} // namespace orchard::ui
