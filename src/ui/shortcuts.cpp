#include "ui/shortcuts.h"

#include "ui/focus.h"

#include <imgui.h>

namespace orchard::ui {

namespace {
bool command_held(const ImGuiIO& io) {
    return io.KeyCtrl || io.KeySuper;
}
} // namespace

bool shortcut_pressed(int key, bool command) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return false;
    if (command != command_held(io) || io.KeyAlt || (!command && io.KeyShift)) return false;
    // Enter presses the control with the keyboard focus, not the screen's default action.
    if (!command && key == kKeyEnter && control_has_keyboard_focus()) return false;
    return ImGui::IsKeyPressed(key, false);
}

bool shift_shortcut_pressed(int key) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || !io.KeyShift || command_held(io) || io.KeyAlt) return false;
    return ImGui::IsKeyPressed(key, true);
}

const char* command_key_name() {
    return ImGui::GetIO().ConfigMacOSXBehaviors ? "Cmd" : "Ctrl";
}

} // namespace orchard::ui
