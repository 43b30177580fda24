// The guidelines of a task kind in a panel over the screen: a sheet on the right on wide
// screens, the whole screen on phones. Closed with its button or Escape.
#pragma once

namespace orchard::ui {

void open_guidelines(const char* file, const char* title);
void close_guidelines();
bool guidelines_open();
// Draws the panel when open; call after the main window so it sits on top.
void draw_guidelines_panel(bool compact);

} // namespace orchard::ui
