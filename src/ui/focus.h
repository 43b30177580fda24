// Keyboard focus like a web page's: Tab and Shift+Tab move through every button, switch, link
// and text field in reading order, a ring shows where the focus is, and Enter or Space presses
// the focused control. ImGui 1.86's own keyboard navigation only moves by arrow keys and skips
// the HTML text fields, so this replaces it: the shared widget helpers register each control
// here once per frame (the registration order is the Tab order), and the HTML fields take part
// through platform/text_field_bridge (Tab inside a field follows the same order).
#pragma once

#include <imgui.h>
#include <string>
#include <vector>

namespace orchard::ui {

// Call right after submitting the control's ImGui item. Draws the focus ring around the item
// when it has the keyboard focus (`rounding` of the ring's corners, `outset` from the item's
// edge; negative draws inside), scrolls it into view when the focus just came to it, and returns
// true in the frame Enter or Space pressed it.
bool keyboard_control(const char* id, float rounding = 8, float outset = 3);

// A text field takes part in the order; `focused` is whether its HTML element has the focus.
void keyboard_text_field(const char* id, bool focused);

// Controls registered between these are put in left-to-right order, for bars laid out from the
// right edge inwards.
void begin_focus_row();
void end_focus_row();

// True while a control (not a text field) shows the keyboard focus: Enter and Space belong to
// it, so screen shortcuts on those keys stand back.
bool control_has_keyboard_focus();

// Around ImGui::NewFrame ... Render, after the views have drawn.
void begin_focus_frame();
void end_focus_frame();

// The controls of this frame in Tab order, text fields left out (they are page elements already),
// disabled ones included (Tab skips them; assistive technology lists them as disabled).
std::vector<std::string> controls_in_order();
// Presses the control `id` in the next frame, as Enter on it would, and moves the focus there:
// what assistive technology does through the accessibility layer (platform/accessibility.h).
void activate_control(const std::string& id);

// The id of the widget with the keyboard focus (a control with its ring showing, or the text
// field being typed in); empty when none.
const std::string& focused_widget();

} // namespace orchard::ui
