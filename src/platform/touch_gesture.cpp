#include "platform/touch_gesture.h"

#include <algorithm>
#include <cmath>

namespace orchard::platform {

void TouchGesture::start(long finger, float x, float y, double t, bool long_press) {
    // The next touch came before the UI answered for the last one: a flick it was, most likely.
    if (phase_ == Phase::Lifted) settle_lifted(false);
    if (phase_ != Phase::Idle) return; // a second finger: pinches are not ours to read
    // A finger that lands on gliding content catches it, as on any phone; that touch is no tap.
    // Whether the content still glides is a matter of time since the last frame that moved it
    // (or the lift): on a busy page no frame may have run since, and a glide long over must not
    // swallow the tap that comes after it.
    const double since = std::max(0.0, t - glide_time_);
    stopped_glide_ = std::abs(momentum_ * std::exp(-since / kTimeConstant)) >= kStopSpeed;
    momentum_ = 0;
    phase_ = Phase::Undecided;
    long_press_ = long_press && !stopped_glide_;
    start_time_ = t;
    finger_ = finger;
    target_known_ = false;
    draggable_ = false;
    start_x_ = x_ = x;
    start_y_ = y_ = y;
    samples_.clear();
    samples_.push_back({t, y});
    pointer_.push({PointerEvent::Kind::Move, x, y}); // hover only, so the UI can tell what is here
}

void TouchGesture::move(long finger, float x, float y, double t) {
    if (phase_ == Phase::Idle || phase_ == Phase::Lifted || finger != finger_) return;
    const float dy = y - y_;
    x_ = x;
    y_ = y;
    samples_.push_back({t, y});
    while (samples_.size() > 2 && samples_.front().t < t - 2 * kVelocityWindow)
        samples_.pop_front();
    switch (phase_) {
    case Phase::Dragging:
        pointer_.push({PointerEvent::Kind::Move, x, y});
        break;
    case Phase::Scrolling:
        owed_ -= dy; // the finger goes up, the content follows it up: the offset grows
        break;
    case Phase::Undecided:
        if (past_slop()) long_press_ = false;
        if (target_known_ && !draggable_ && past_slop()) begin_scrolling();
        break;
    case Phase::Held:
    case Phase::Lifted:
    case Phase::Idle:
        break;
    }
}

void TouchGesture::check_long_press(double now) {
    if (!may_long_press() || !target_known_ || draggable_ || now - start_time_ < kLongPress) return;
    pointer_.push({PointerEvent::Kind::Down, 0, 0, 1}); // the right button, where it rests
    pointer_.push({PointerEvent::Kind::Up, 0, 0, 1});
    phase_ = Phase::Held;
    long_press_ = false;
}

void TouchGesture::end(long finger, double t) {
    if (phase_ == Phase::Idle || phase_ == Phase::Lifted || finger != finger_) return;
    switch (phase_) {
    case Phase::Undecided:
        if (past_slop() && !target_known_) {
            // A whole swipe before the UI drew a frame (a quick flick on a busy page or phone):
            // still hovering where it landed, it waits for the answer, then scrolls its way and
            // glides on, or drags, as it would have done on a faster page.
            phase_ = Phase::Lifted;
            lift_time_ = t;
            lift_speed_ = lift_off_speed(t);
            return;
        }
        // Lifted within the slop: a tap, pressed and released where the finger landed.
        if (!past_slop() && !stopped_glide_) {
            pointer_.push({PointerEvent::Kind::Down, 0, 0, 0});
            pointer_.push({PointerEvent::Kind::Up, 0, 0, 0});
        }
        pointer_.push({PointerEvent::Kind::Leave}); // a lifted finger hovers nothing
        break;
    case Phase::Dragging:
        pointer_.push({PointerEvent::Kind::Up, 0, 0, 0});
        pointer_.push({PointerEvent::Kind::Leave});
        break;
    case Phase::Held:
        // The menu it opened stays: the pointer leaves, as after a tap.
        pointer_.push({PointerEvent::Kind::Leave});
        break;
    case Phase::Scrolling:
        momentum_ = lift_off_speed(t);
        glide_time_ = t;
        glide_started_ = false;
        break;
    case Phase::Lifted:
    case Phase::Idle:
        break;
    }
    phase_ = Phase::Idle;
}

void TouchGesture::cancel(long finger) {
    if (phase_ == Phase::Idle || phase_ == Phase::Lifted || finger != finger_) return;
    if (phase_ == Phase::Dragging) pointer_.push({PointerEvent::Kind::Up, 0, 0, 0});
    if (phase_ != Phase::Scrolling) pointer_.push({PointerEvent::Kind::Leave});
    phase_ = Phase::Idle;
    momentum_ = 0;
}

void TouchGesture::target_found(bool draggable, bool has_menu) {
    if (!awaiting_target()) return;
    if (phase_ == Phase::Lifted) {
        settle_lifted(draggable);
        return;
    }
    target_known_ = true;
    if (!has_menu) long_press_ = false;
    draggable_ = draggable;
    if (draggable) {
        // Pressed where it landed, then taken to where the finger is now.
        phase_ = Phase::Dragging;
        pointer_.push({PointerEvent::Kind::Down, 0, 0, 0});
        if (x_ != start_x_ || y_ != start_y_) pointer_.push({PointerEvent::Kind::Move, x_, y_});
    } else if (past_slop()) {
        begin_scrolling();
    }
}

float TouchGesture::take_scroll(double now) {
    float scroll = owed_;
    owed_ = 0;
    if (momentum_ != 0) {
        // The exact integral of the decaying speed over the time since the last frame, so the
        // glide does not depend on the frame rate.
        double dt = std::max(0.0, now - glide_time_);
        // However late the lift reached us, the glide sets off from where the content is, by a
        // frame's worth at most, not by all it would have glided meanwhile.
        if (!glide_started_) dt = std::min(dt, 1.0 / 60);
        glide_started_ = true;
        const double decay = std::exp(-dt / kTimeConstant);
        scroll += static_cast<float>(momentum_ * kTimeConstant * (1 - decay));
        momentum_ *= decay;
        glide_time_ = now;
        if (std::abs(momentum_) < kStopSpeed) momentum_ = 0;
    }
    return scroll;
}

bool TouchGesture::past_slop() const {
    return std::hypot(x_ - start_x_, y_ - start_y_) > kSlop;
}

void TouchGesture::begin_scrolling() {
    phase_ = Phase::Scrolling;
    // The whole way from where the finger landed, so that the content under it stays under it.
    owed_ += start_y_ - y_;
    pointer_.push({PointerEvent::Kind::Leave}); // nothing under a swiping finger is hovered
}

void TouchGesture::settle_lifted(bool draggable) {
    if (draggable) {
        // Pressed where it landed, taken to where it lifted, and let go.
        pointer_.push({PointerEvent::Kind::Down, 0, 0, 0});
        pointer_.push({PointerEvent::Kind::Move, x_, y_});
        pointer_.push({PointerEvent::Kind::Up, 0, 0, 0});
    } else {
        owed_ += start_y_ - y_;
        momentum_ = lift_speed_;
        glide_time_ = lift_time_;
        glide_started_ = false;
    }
    pointer_.push({PointerEvent::Kind::Leave});
    phase_ = Phase::Idle;
}

double TouchGesture::lift_off_speed(double t) const {
    // Only the last moments count: a finger that swiped, then rested, lifts without a flick.
    if (samples_.empty() || t - samples_.back().t > kVelocityWindow / 2) return 0;
    const auto first = std::find_if(samples_.begin(), samples_.end(),
                                    [&](const Sample& s) { return s.t >= t - kVelocityWindow; });
    const Sample& last = samples_.back();
    if (first == samples_.end() || last.t - first->t <= 0) return 0;
    const double speed = -(last.y - first->y) / (last.t - first->t); // content, not finger
    if (std::abs(speed) < kMinFlickSpeed) return 0;
    return std::clamp(speed, -kMaxFlickSpeed, kMaxFlickSpeed);
}

} // namespace orchard::platform
