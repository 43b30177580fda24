// What screen readers and other assistive technology see of the canvas: an element per control
// of the frame, in Tab order, named by what the control says, over the control's place. The
// elements are invisible and take no pointer or Tab (the canvas keeps both); activating one, as a
// screen reader does, presses its control.
#pragma once

namespace orchard::platform {

// After the frame's widgets and focus order are known.
void update_accessibility_layer();

} // namespace orchard::platform
