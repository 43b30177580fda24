// The moderators' people screen (docs/moderation.md): find a person, open their page, and ban,
// hide, change the role of, note on or purge them; each irreversible step asks first and says
// what it will change.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_people(const ScreenInput& input);

} // namespace orchard::ui
