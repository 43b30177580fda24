// Widgets moved by dragging (the ranking handles) say so while the pointer is over them, so that
// a finger landing there drags the widget instead of scrolling the page (platform/touch_gesture.h
// asks after the frame drawn with the pointer where the finger landed).
#pragma once

namespace orchard::ui {

// Right after such a widget's ImGui item: notes it if the pointer is over it.
void note_drag_target();
// True once if, in the frame just drawn, the pointer was over a widget that is dragged.
bool take_drag_target_hovered();

} // namespace orchard::ui
