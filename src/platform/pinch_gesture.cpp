#include "platform/pinch_gesture.h"

#include <algorithm>
#include <cmath>

namespace orchard::platform {

void PinchGesture::down(long finger, float x, float y) {
    for (auto& slot : fingers_) {
        if (slot) continue;
        slot = Finger{finger, x, y};
        if (pinching()) {
            start_span_ = std::max(span(), kLeastSpan);
            started_ = true;
        }
        return;
    }
}

void PinchGesture::move(long finger, float x, float y) {
    for (auto& slot : fingers_)
        if (slot && slot->id == finger) {
            slot->x = x;
            slot->y = y;
        }
}

void PinchGesture::up(long finger) {
    for (auto& slot : fingers_)
        if (slot && slot->id == finger) slot.reset();
}

bool PinchGesture::take_started() {
    const bool started = started_;
    started_ = false;
    return started;
}

double PinchGesture::factor() const {
    if (!pinching()) return 1;
    return std::max(span(), 1.0f) / start_span_;
}

float PinchGesture::span() const {
    return std::hypot(fingers_[0]->x - fingers_[1]->x, fingers_[0]->y - fingers_[1]->y);
}

} // namespace orchard::platform
