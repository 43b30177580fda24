// Mouse, touch and wheel from the browser's own events (emscripten's html5 API) into ImGui,
// replacing what emscripten 3.1.6's GLFW gets wrong: wheel deltas ~100x too large and inverted,
// touches pressed at the previous pointer position, cursor shapes ignored. Touches are read as
// taps, drags and swipes (platform/touch_gesture.h): a swipe scrolls, with momentum.
#pragma once

#include <optional>

namespace orchard::platform {

void install_pointer_input();
// Before ImGui::NewFrame: hands ImGui this frame's pointer position, buttons and wheel.
void apply_pointer_input(float font_size, float page_height);
// After ImGui::NewFrame: scrolls the window a swiping or gliding finger moves.
void apply_touch_scroll(double now);
// While two fingers pinch: the interface's scale they ask for, `current` times how far they have
// spread (from `current` as it was when the pinch began); nothing otherwise.
std::optional<double> pinch_scale(double current);
// After the frame is drawn: whether a widget that is dragged, or one with a menu, was under the
// pointer (ui/touch_targets.h), which decides what a finger that just landed there does.
void end_pointer_frame(bool drag_target_hovered, bool menu_target_hovered);
// Input is still queued, or content still glides after a flick: draw another frame.
bool pointer_wants_frames();
// After the frame: shows the cursor shape ImGui asked for.
void update_cursor_shape();

} // namespace orchard::platform
