// A kiosk at an event (docs/kiosk.md): the welcome between visitors, with the event's board and
// the news, a nickname and one Start; and the countdown before an idle visit ends.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_kiosk_welcome(const ScreenInput& input);

// Over everything while the visit is about to end; nothing while it is not.
void draw_kiosk_countdown(client::App& app, double now);

} // namespace orchard::ui
