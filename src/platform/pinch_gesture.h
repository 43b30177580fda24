// Two fingers on the canvas pinching: how far apart they are now against when the second one
// landed. The canvas owns every touch (touch-action: none), so the browser never zooms the page;
// a pinch scales the interface instead (client/ui_scale.h), and the layout follows as it does
// for a narrower window. Plain C++, unit-tested natively.
#pragma once

#include <array>
#include <optional>

namespace orchard::platform {

class PinchGesture {
  public:
    // Fingers apart by less than this when the pinch starts are read as this far apart, so that
    // two fingers landing together do not make a tiny move a huge factor (CSS pixels).
    static constexpr float kLeastSpan = 40;

    // A finger's events, positions in CSS pixels. Only the first two fingers down count.
    void down(long finger, float x, float y);
    void move(long finger, float x, float y);
    void up(long finger); // lifted or taken away by the browser

    // Two fingers are down.
    bool pinching() const { return fingers_[0].has_value() && fingers_[1].has_value(); }
    // True once after each start of a pinch: the one-finger gesture must let go of its finger.
    bool take_started();
    // The fingers' distance now over their distance when the pinch started (1 when none).
    double factor() const;

  private:
    struct Finger {
        long id;
        float x, y;
    };
    float span() const;

    std::array<std::optional<Finger>, 2> fingers_;
    float start_span_ = 0;
    bool started_ = false;
};

} // namespace orchard::platform
