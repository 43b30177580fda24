// Renders only when something changed. Input, network completions, resizes and timers call
// request_frame(); the frame then runs on the next animation frame, followed by a few settle
// frames (ImGui lays some things out from the previous frame). An idle tab renders nothing.
#pragma once

#include <functional>

namespace orchard::platform {

void set_frame_function(std::function<void()> frame);
void request_frame();
// For typing in a text field: the element paints its own text, so the canvas has only the
// counters and the app's copy of the text to catch up with (the draft is saved at each key,
// between frames: ui/text_field.h on_each_edit). One frame, without settle frames, once the
// typing pauses, and during long bursts now and then; so the frames right after a key paint the
// field alone. A page being hidden or left gets that frame at once.
void request_trailing_frame();
// Renders at once when a frame is pending (the page is being hidden or left).
void flush_frame();
unsigned long frames_rendered();
// A frame is due (requested, settling, or trailing typing): what is on screen may still move.
bool frame_pending();

} // namespace orchard::platform
