// Mouse, touch and wheel from the browser's own events (emscripten's html5 API) into ImGui,
// replacing what emscripten 3.1.6's GLFW gets wrong: wheel deltas ~100x too large and inverted,
// touches pressed at the previous pointer position, cursor shapes ignored.
#pragma once

namespace orchard::platform {

void install_pointer_input();
// Before ImGui::NewFrame: hands ImGui this frame's pointer position, buttons and wheel.
void apply_pointer_input(float font_size, float page_height);
bool pointer_events_pending();
// After the frame: shows the cursor shape ImGui asked for.
void update_cursor_shape();

} // namespace orchard::platform
