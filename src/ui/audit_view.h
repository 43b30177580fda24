// The admins' audit log (docs/moderation.md): whether its hash chain holds, and its rows newest
// first, of every action or of one kind, each with who, what, when, and before and after.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_audit_log(const ScreenInput& input);

} // namespace orchard::ui
