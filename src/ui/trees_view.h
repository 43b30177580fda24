// The tree manager's screen (docs/moderation.md): trees per state and language, the growing
// trees with their sizes, the tasks each language offers a newcomer now, and for admins every
// setting of the tree manager, editable, with its default and its last change.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_trees(const ScreenInput& input);

} // namespace orchard::ui
