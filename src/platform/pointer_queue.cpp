#include "platform/pointer_queue.h"

namespace orchard::platform {

PointerState PointerQueue::next_frame() {
    state_.wheel_x = 0;
    state_.wheel_y = 0;
    bool moved = false;
    while (!events_.empty()) {
        const PointerEvent event = events_.front();
        // Let ImGui see where the pointer is for a frame before it goes down there, and where a
        // held button was taken before it comes up (a drag and its release in one frame).
        if (moved &&
            (event.kind == PointerEvent::Kind::Down || event.kind == PointerEvent::Kind::Up))
            return state_;
        events_.pop_front();
        switch (event.kind) {
        case PointerEvent::Kind::Move:
            moved = moved || !state_.inside || state_.x != event.x || state_.y != event.y;
            state_.inside = true;
            state_.x = event.x;
            state_.y = event.y;
            break;
        case PointerEvent::Kind::Leave:
            state_.inside = false;
            break;
        case PointerEvent::Kind::Wheel:
            state_.wheel_x += event.x;
            state_.wheel_y += event.y;
            break;
        case PointerEvent::Kind::Down:
        case PointerEvent::Kind::Up:
            if (event.button >= 0 && event.button < 3) {
                const bool down = event.kind == PointerEvent::Kind::Down;
                if (state_.down[event.button] != down) {
                    state_.down[event.button] = down;
                    return state_; // one button change per frame
                }
            }
            break;
        }
    }
    return state_;
}

float wheel_units(double delta, int delta_mode, float font_size, float page_height) {
    double pixels = delta;
    if (delta_mode == 1) pixels = delta * font_size * 3; // a "line" as browsers scroll it
    if (delta_mode == 2) pixels = delta * page_height;
    const double pixels_per_unit = 5.0 * font_size;
    return static_cast<float>(-pixels / pixels_per_unit);
}

} // namespace orchard::platform
