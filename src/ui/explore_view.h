// The data explorer (docs/explorer.md): search box, the newest trees or the search's hits with
// the matched words marked, and a tree opened at a message with the path to it highlighted, the
// message's details, reactions and the report form.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_explore(const ScreenInput& input);

} // namespace orchard::ui
