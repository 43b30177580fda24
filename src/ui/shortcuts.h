// Keyboard shortcuts of the screens. Keys typed into a text field never reach these: the HTML
// fields keep their key events to themselves (ui/text_field.h).
#pragma once

namespace orchard::ui {

// GLFW key codes: printable keys are their upper-case ASCII codes ('1', 'R').
constexpr int kKeyEscape = 256;
constexpr int kKeyEnter = 257;
constexpr int kKeyRight = 262;
constexpr int kKeyLeft = 263;
constexpr int kKeyDown = 264;
constexpr int kKeyUp = 265;

// True in the frame `key` went down with no modifier (or with Ctrl/Cmd when `command`).
bool shortcut_pressed(int key, bool command = false);
// True in the frame `key` went down with Shift held (and no Ctrl/Cmd).
bool shift_shortcut_pressed(int key);
// "Ctrl" on most systems, "⌘" style name "Cmd" on Apple devices.
const char* command_key_name();

} // namespace orchard::ui
