// The moderators' card under the explorer's chosen message (docs/moderation.md): delete or
// undelete it, edit it, halt or resume its tree, and every text it had before.
#pragma once

#include "protocol/explorer.h"
#include "ui/screen_input.h"

namespace orchard::ui {

void draw_explore_moderation(const ScreenInput& input, const protocol::TreeMessage& message,
                             float width);

} // namespace orchard::ui
