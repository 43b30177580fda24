#include "ui/drag_targets.h"

#include <imgui.h>

namespace orchard::ui {

namespace {
bool g_hovered = false;
}

void note_drag_target() {
    if (ImGui::IsItemHovered()) g_hovered = true;
}

bool take_drag_target_hovered() {
    const bool hovered = g_hovered;
    g_hovered = false;
    return hovered;
}

} // namespace orchard::ui
