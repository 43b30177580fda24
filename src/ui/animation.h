// A view that is animating (auto-scrolling while a reply is dragged) asks for the next frame
// here; the platform layer renders only on input otherwise.
#pragma once

namespace orchard::ui {

void keep_animating();
// True once after keep_animating() was called in the frame just drawn.
bool take_animation_request();

} // namespace orchard::ui
