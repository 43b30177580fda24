// Scrolls ImGui windows by CSS pixels for a swiping finger. ImGui 1.86's mouse wheel moves in
// steps of whole font heights (rounded down, and capped by the window's height), which a finger
// cannot follow 1:1; this picks the window as the wheel would and moves it by exact pixels.
#pragma once

#include <imgui.h>

namespace orchard::platform {

// The window under the pointer in the frame being drawn (call after ImGui::NewFrame), 0 if none.
ImGuiID window_under_pointer();

// Scrolls `window` by whole `pixels` (positive: the content moves up), or, as the wheel does,
// its nearest parent that scrolls when it does not. Call after ImGui::NewFrame: the new offset is
// laid out in this frame. False when nothing moved: the content's end, or nothing that scrolls.
bool scroll_window_by(ImGuiID window, float pixels);

} // namespace orchard::platform
