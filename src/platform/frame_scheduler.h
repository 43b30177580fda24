// Renders only when something changed. Input, network completions, resizes and timers call
// request_frame(); the frame then runs on the next animation frame, followed by a few settle
// frames (ImGui lays some things out from the previous frame). An idle tab renders nothing.
#pragma once

#include <functional>

namespace orchard::platform {

void set_frame_function(std::function<void()> frame);
void request_frame();
unsigned long frames_rendered();

} // namespace orchard::platform
