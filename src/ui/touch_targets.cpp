#include "ui/touch_targets.h"

#include <imgui.h>
#include <utility>

namespace orchard::ui {

namespace {
TouchTarget g_target;
}

void note_drag_target() {
    if (ImGui::IsItemHovered()) g_target.dragged = true;
}

void note_menu_target(bool hovered) {
    if (hovered) g_target.has_menu = true;
}

TouchTarget take_touch_target() {
    return std::exchange(g_target, TouchTarget{});
}

} // namespace orchard::ui
