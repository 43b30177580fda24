// Browser pointer events (mouse and touch) queued between frames and handed to ImGui one
// button change per frame. ImGui 1.86 samples input once per frame, so a click whose press and
// release arrive before the next frame would otherwise vanish, and a touch that lands somewhere
// new would be pressed where the pointer was before. Plain C++, unit-tested natively.
#pragma once

#include <deque>

namespace orchard::platform {

struct PointerEvent {
    enum class Kind { Move, Down, Up, Leave, Wheel };
    Kind kind = Kind::Move;
    float x = 0, y = 0; // Move: position in CSS pixels; Wheel: ImGui wheel units (x, y)
    int button = 0;     // Down/Up: 0 left, 1 right, 2 middle
};

struct PointerState {
    bool inside = false; // false: ImGui gets no position (nothing hovered)
    float x = 0, y = 0;
    bool down[3] = {false, false, false};
    float wheel_x = 0, wheel_y = 0; // accumulated for this frame only
};

class PointerQueue {
  public:
    void push(const PointerEvent& event) { events_.push_back(event); }
    bool empty() const { return events_.empty(); }

    // Applies the events that belong to the next frame to `state` and returns it. Stops after
    // the first button change, and before a press or release that follows a move in the same
    // frame, so that ImGui sees the pointer arrive, go down, move, come up, each in its own frame.
    PointerState next_frame();

  private:
    std::deque<PointerEvent> events_;
    PointerState state_;
};

// Converts a browser wheel delta into ImGui wheel units, so that one unit scrolls what the
// browser would have scrolled. ImGui 1.86 scrolls 5 font heights per unit; browsers report
// pixels (mode 0), lines (1) or pages (2), positive downwards, where ImGui's positive is up.
float wheel_units(double delta, int delta_mode, float font_size, float page_height);

} // namespace orchard::platform
