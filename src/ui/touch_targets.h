// What a finger would land on, said by the widgets while the pointer is over them: a widget moved
// by dragging (the ranking handles), so that a finger there drags it instead of scrolling the
// page, and one with a menu (a message), so that holding a finger there opens it. The touch
// gesture (platform/touch_gesture.h) asks after the frame drawn with the pointer where the finger
// landed. Anywhere else, a finger held long is still a tap when it lifts.
#pragma once

namespace orchard::ui {

struct TouchTarget {
    bool dragged = false;  // the widget follows the finger
    bool has_menu = false; // a long press opens the widget's menu
};

// Right after such a widget's ImGui item: notes it if the pointer is over it.
void note_drag_target();
// For a widget with a menu: notes it when `hovered`.
void note_menu_target(bool hovered);
// Once per frame: what the pointer was over in the frame just drawn.
TouchTarget take_touch_target();

} // namespace orchard::ui
