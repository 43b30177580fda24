// One finger on the canvas, told apart as a tap, a drag or a swipe, and the scroll momentum a
// flick leaves behind. The canvas owns every touch (touch-action: none), so this is the phone's
// scrolling: without it a swipe only moves an invisible mouse. Plain C++, unit-tested natively.
//
// A touch does not press at once. The pointer goes to the finger (no button) so that the UI can
// say, from a frame drawn there, whether the finger landed on something that is dragged (a
// ranking handle). If it did, the touch presses and drags as a mouse would. Otherwise it waits:
// lifted within the slop it is a tap (press and release where it landed); moved past the slop
// it is a swipe, which never presses and scrolls the content 1:1 with the finger, then coasts.
// Held still for half a second on a widget with a menu (a message), it is a long press: a right
// click where it rests (as the browser fires `contextmenu`), which opens the menu; lifting it then
// does nothing more. Held anywhere else, it is still a tap: a slow finger presses its button.
#pragma once

#include "platform/pointer_queue.h"

#include <deque>

namespace orchard::platform {

class TouchGesture {
  public:
    // How far a finger may wander and still tap, in CSS pixels: a fingertip is not a cursor.
    static constexpr float kSlop = 8;
    // The finger's speed at lift-off is measured over its last tenth of a second.
    static constexpr double kVelocityWindow = 0.1;
    // Momentum decays as exp(-t / kTimeConstant); below kStopSpeed (px/s) it stops, so a brisk
    // flick coasts for about a second and a slow lift not at all (under kMinFlickSpeed).
    static constexpr double kTimeConstant = 0.22;
    static constexpr double kStopSpeed = 25;
    static constexpr double kMinFlickSpeed = 100;
    static constexpr double kMaxFlickSpeed = 8000;
    // Held this long within the slop, a touch is a long press (seconds; Android's own is 0.5).
    static constexpr double kLongPress = 0.5;

    // Pointer events (hover, press, release) go into `pointer`, in the order ImGui must see them.
    explicit TouchGesture(PointerQueue& pointer) : pointer_(pointer) {}

    // A finger's events, positions in CSS pixels, times in seconds. Only the first finger down is
    // followed; others are ignored until it lifts. `long_press`: whether holding it is a long
    // press (not on page text, where holding selects a word, the browser's own long press).
    void start(long finger, float x, float y, double t, bool long_press = true);
    void move(long finger, float x, float y, double t);
    void end(long finger, double t);
    void cancel(long finger); // the browser took the touch away: no tap, no momentum

    // True while a finger is down and the UI has not said what it landed on; until then the
    // pointer stays where it landed, unpressed.
    bool awaiting_target() const {
        return (phase_ == Phase::Undecided || phase_ == Phase::Lifted) && !target_known_;
    }
    // The UI's answer, from a frame drawn with the pointer where the finger landed: whether the
    // widget there is dragged, and whether it has a menu.
    void target_found(bool draggable, bool has_menu = false);

    // Content scroll owed by now, in CSS pixels, positive when the content moves up (the scroll
    // offset grows, as a finger swiping upwards asks): the finger's swipe since the last call,
    // then the momentum's glide up to `now`.
    float take_scroll(double now);
    // The content is gliding after a flick: frames must keep coming until it stops.
    bool gliding() const { return momentum_ != 0; }
    // Ends the glide at once: a wheel turned, or the content hit its end.
    void stop_momentum() { momentum_ = 0; }
    // Called every frame: a finger held still long enough becomes a long press.
    void check_long_press(double now);
    // A finger rests where it may yet become a long press: frames must keep coming to see it.
    bool may_long_press() const { return phase_ == Phase::Undecided && long_press_; }

  private:
    // Lifted: the finger came up past the slop before the UI answered (a quick flick on a page
    // slower than the finger); what it was waits for that answer.
    enum class Phase { Idle, Undecided, Dragging, Scrolling, Held, Lifted };
    struct Sample {
        double t;
        float y;
    };

    bool past_slop() const;
    void begin_scrolling();
    void settle_lifted(bool draggable);    // the answer for a Lifted touch: a drag or a flick
    double lift_off_speed(double t) const; // px/s of content scroll, from the recent samples

    PointerQueue& pointer_;
    Phase phase_ = Phase::Idle;
    long finger_ = 0;
    bool target_known_ = false;
    bool draggable_ = false;
    bool stopped_glide_ = false; // this touch stopped a glide: lifting it is no tap
    bool long_press_ = false;    // holding this touch may still become a long press
    double start_time_ = 0;
    float start_x_ = 0, start_y_ = 0, x_ = 0, y_ = 0;
    std::deque<Sample> samples_;
    float owed_ = 0;        // finger scroll not yet taken
    double momentum_ = 0;   // content scroll speed, px/s; 0 when not gliding
    double glide_time_ = 0; // when the glide was last advanced (first: the lift)
    bool glide_started_ = false;
    double lift_time_ = 0, lift_speed_ = 0; // Lifted: when, and the content's speed then
};

} // namespace orchard::platform
