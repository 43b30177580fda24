// Real HTML text fields (<textarea>, <input>) laid over the canvas, one per stable id.
// emscripten 3.1.6's GLFW delivers characters only from `keypress`, so IME commits, mobile
// keyboards, dictation and password managers never reach ImGui; a real element gets all of them,
// plus native wrapping, undo, spellcheck and screen readers. The view reserves a rectangle and
// draws the frame; this bridge keeps the element on that rectangle, in the view's colours, and
// reports what the person did in it. Plain C++ here; the JavaScript lives in text_field_bridge.js.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace orchard::platform {

enum class TextFieldElement { TextArea, Text, Password, Email };

// Everything the element needs for one frame. Coordinates are CSS pixels of the canvas, which
// fills the window, so they are the page's client coordinates.
struct TextFieldLayout {
    TextFieldElement element = TextFieldElement::TextArea;
    std::string placeholder;
    std::string autocomplete; // empty: "off" for text areas, the browser's default otherwise
    std::string label;        // aria-label
    int max_chars = 0;        // in Unicode code points; 0 = no limit
    bool autofocus = false;   // focus the element whenever it (re)appears

    float x = 0, y = 0, width = 0, height = 0;
    // The visible part of the rectangle as insets from its edges; `visible` false when none is.
    float clip_top = 0, clip_right = 0, clip_bottom = 0, clip_left = 0;
    bool visible = true;

    // Look: colours as 0xAABBGGRR (ImGui's ImU32), sizes in CSS pixels.
    unsigned text_colour = 0, placeholder_colour = 0, caret_colour = 0, selection_colour = 0;
    unsigned background_colour = 0; // painted only over the browser's autofill tint
    bool dark = false;              // native scrollbars and controls in the dark scheme
    float font_size = 17, line_height = 1.5f, padding_x = 14, padding_y = 10, rounding = 8;
};

// What happened in the element since the previous frame.
struct TextFieldEvents {
    bool edited = false;  // the person changed the value (read it with text_field_value)
    bool submit = false;  // Ctrl/Cmd+Enter in a text area, Enter in a single-line field
    bool escape = false;  // Escape
    bool focused = false; // the element has the keyboard focus now
    bool created = false; // the element is new (and empty): the app's value must be given again
};

// Must run before glfwInit: the field's keys are kept from GLFW's window-level listeners, which
// would otherwise cancel Backspace and Tab and type the characters into ImGui as well.
void install_text_field_bridge();

// Creates the element for `id` on first use, lays it out for this frame and returns its events.
// Tab moves through the page's focus order (set_focus_order).
TextFieldEvents update_text_field(const std::string& id, const TextFieldLayout& layout);
// Called with the field's id from the element's input event, between frames: for what must follow
// every edit at once (the saved draft) while the canvas follows later (request_trailing_frame).
void set_text_field_edit_listener(std::function<void(const std::string& id)> listener);
// The element's current value (UTF-8).
std::string text_field_value(const std::string& id);
// Gives the element a value the app set. Returns false (nothing changed) while an IME
// composition is in progress; the caller tries again on a later frame.
bool set_text_field_value(const std::string& id, const std::string& value);
// Focuses the element: at once when it is on screen, else the next time it is laid out (within
// a few frames).
void focus_text_field(const std::string& id);
// After the views: hides the elements of fields that were not drawn in this frame.
void end_text_field_frame();

// One stop of the page's keyboard focus order (ui/focus.h): a text field or a canvas control.
struct FocusStop {
    std::string id;
    bool field = false;
};
// The order Tab and Shift+Tab follow inside a field, from the frame just drawn. A Tab that leads
// to a control focuses the canvas and is reported by take_tab_target.
void set_focus_order(const std::vector<FocusStop>& stops);
// The control Tab in a field led to since the last call; empty when none.
std::string take_tab_target();

} // namespace orchard::platform
