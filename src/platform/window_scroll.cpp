#include "platform/window_scroll.h"

#include <algorithm>
#include <imgui_internal.h>

namespace orchard::platform {

ImGuiID window_under_pointer() {
    const ImGuiWindow* window = ImGui::GetCurrentContext()->HoveredWindow;
    return window ? window->ID : 0;
}

bool scroll_window_by(ImGuiID id, float pixels) {
    ImGuiWindow* window = id ? ImGui::FindWindowByID(id) : nullptr;
    // The same choice as ImGui::UpdateMouseWheel: a child that cannot scroll, or will not be
    // scrolled by the wheel, hands the scroll to its parent.
    const auto wheel_off = [](const ImGuiWindow* w) {
        return (w->Flags & ImGuiWindowFlags_NoScrollWithMouse) &&
               !(w->Flags & ImGuiWindowFlags_NoMouseInputs);
    };
    while (window && (window->Flags & ImGuiWindowFlags_ChildWindow) &&
           (window->ScrollMax.y == 0 || wheel_off(window)))
        window = window->ParentWindow;
    if (!window ||
        (window->Flags & (ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMouseInputs)))
        return false;
    const float to = std::clamp(window->Scroll.y + pixels, 0.0f, window->ScrollMax.y);
    if (to == window->Scroll.y) return false;
    ImGui::SetScrollY(window, to);
    return true;
}

} // namespace orchard::platform
