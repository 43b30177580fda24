#include "platform/touch_gesture.h"

#include <catch2/catch.hpp>
#include <vector>

using namespace orchard::platform;

namespace {

// Every frame ImGui would be handed until the pointer queue is empty.
std::vector<PointerState> frames(PointerQueue& queue) {
    std::vector<PointerState> out;
    while (!queue.empty())
        out.push_back(queue.next_frame());
    return out;
}

bool ever_pressed(const std::vector<PointerState>& seen) {
    for (const auto& frame : seen)
        if (frame.down[0]) return true;
    return false;
}

// A finger sliding from y0 to y1 in `steps` moves a 60 Hz frame apart, starting at time t.
double slide(TouchGesture& touch, float x, float y0, float y1, int steps, double t) {
    for (int i = 1; i <= steps; ++i) {
        t += 1.0 / 60;
        touch.move(1, x, y0 + (y1 - y0) * static_cast<float>(i) / static_cast<float>(steps), t);
    }
    return t;
}

} // namespace

TEST_CASE("a touch hovers where it lands and presses only when it lifts as a tap") {
    PointerQueue queue;
    TouchGesture touch(queue);
    touch.start(1, 100, 200, 0.0);
    CHECK(touch.awaiting_target());
    auto landed = frames(queue);
    REQUIRE(landed.size() == 1);
    CHECK(landed[0].inside);
    CHECK(landed[0].x == 100);
    CHECK_FALSE(landed[0].down[0]);

    touch.target_found(false);
    touch.move(1, 103, 204, 0.05); // a fingertip wobbles, within the slop
    touch.end(1, 0.1);
    auto tapped = frames(queue);
    REQUIRE(tapped.size() == 3); // down, up, leave: each in its own frame
    CHECK(tapped[0].down[0]);
    CHECK(tapped[0].x == 100); // pressed where it landed, not where it wobbled to
    CHECK_FALSE(tapped[1].down[0]);
    CHECK_FALSE(tapped[2].inside);
    CHECK(touch.take_scroll(0.2) == 0);
    CHECK_FALSE(touch.gliding());
}

TEST_CASE("a tap lifted before the UI answered is still a tap") {
    PointerQueue queue;
    TouchGesture touch(queue);
    touch.start(1, 50, 60, 0.0);
    touch.end(1, 0.03);
    CHECK(ever_pressed(frames(queue)));
    CHECK_FALSE(touch.awaiting_target());
}

TEST_CASE("a swipe scrolls the content 1:1 with the finger and never presses") {
    PointerQueue queue;
    TouchGesture touch(queue);
    touch.start(1, 200, 600, 0.0);
    frames(queue);
    touch.target_found(false);
    touch.move(1, 200, 595, 0.016); // within the slop: nothing scrolls yet
    CHECK(touch.take_scroll(0.016) == 0);
    touch.move(1, 201, 580, 0.033); // past it: the whole way from where the finger landed
    CHECK(touch.take_scroll(0.033) == 20);
    touch.move(1, 201, 400, 0.05);
    touch.move(1, 201, 450, 0.066); // and back down a little
    CHECK(touch.take_scroll(0.066) == 130);
    // The finger rests, then lifts: the content stays where the finger left it.
    touch.end(1, 0.3);
    CHECK_FALSE(touch.gliding());
    CHECK(touch.take_scroll(0.4) == 0);
    auto seen = frames(queue);
    CHECK_FALSE(ever_pressed(seen));
    CHECK_FALSE(seen.back().inside); // nothing stays hovered under a swipe
}

TEST_CASE("a swipe made before the UI answered scrolls from where the finger landed") {
    PointerQueue queue;
    TouchGesture touch(queue);
    touch.start(1, 200, 600, 0.0);
    touch.move(1, 200, 560, 0.016);
    touch.move(1, 200, 500, 0.033);
    CHECK(touch.take_scroll(0.033) == 0); // not known yet: it could be a drag handle
    touch.target_found(false);
    CHECK(touch.take_scroll(0.04) == 100);
    touch.move(1, 200, 490, 0.05);
    CHECK(touch.take_scroll(0.05) == 10);
    CHECK_FALSE(ever_pressed(frames(queue)));
}

TEST_CASE("a flick made wholly before the UI answered scrolls its way, then glides") {
    // A page drawing one frame in 150 ms gets the whole of a quick flick between two frames.
    PointerQueue queue;
    TouchGesture touch(queue);
    touch.start(1, 200, 700, 0.0);
    const double lifted = slide(touch, 200, 700, 580, 6, 0.0); // 1200 px/s for 0.1 s
    touch.end(1, lifted);
    CHECK(
        touch.awaiting_target()); // still hovering where it landed, for the UI to say what is there
    CHECK(touch.take_scroll(lifted) == 0);
    auto landed = frames(queue);
    REQUIRE(landed.size() == 1);
    CHECK(landed[0].inside);
    CHECK(landed[0].y == 700);

    touch.target_found(false);
    CHECK_FALSE(touch.awaiting_target());
    const double frame = lifted + 0.15;
    const float first = touch.take_scroll(frame);
    CHECK(first > 120); // the finger's own way, and the glide's first step
    CHECK(first < 140);
    REQUIRE(touch.gliding());
    float glided = 0;
    for (double now = frame + 0.15; touch.gliding(); now += 0.15)
        glided += touch.take_scroll(now);
    CHECK(glided > 100);
    auto after = frames(queue);
    CHECK_FALSE(ever_pressed(after));
    CHECK_FALSE(after.back().inside);
}

TEST_CASE("a drag made wholly before the UI answered still moves what it landed on") {
    PointerQueue queue;
    TouchGesture touch(queue);
    touch.start(1, 30, 300, 0.0);
    frames(queue);
    touch.move(1, 30, 360, 0.05);
    touch.end(1, 0.1);
    touch.target_found(true);
    auto seen = frames(queue);
    REQUIRE(seen.size() >= 3);
    CHECK(seen[0].down[0]);
    CHECK(seen[0].y == 300);
    CHECK(seen[1].down[0]);
    CHECK(seen[1].y == 360);
    CHECK_FALSE(seen.back().down[0]);
    CHECK_FALSE(seen.back().inside);
    CHECK(touch.take_scroll(0.2) == 0);
}

TEST_CASE("a touch that comes before the UI answered for a lifted flick takes the flick as one") {
    PointerQueue queue;
    TouchGesture touch(queue);
    touch.start(1, 200, 700, 0.0);
    const double lifted = slide(touch, 200, 700, 580, 6, 0.0);
    touch.end(1, lifted);
    touch.start(2, 100, 100, lifted + 5); // long after: the glide is over, this is a new touch
    CHECK(touch.take_scroll(lifted + 5) == 120);
    CHECK_FALSE(touch.gliding());
    CHECK(touch.awaiting_target());
}

TEST_CASE("a touch on something dragged drags it: pressed at once, moved, released") {
    PointerQueue queue;
    TouchGesture touch(queue);
    touch.start(1, 30, 300, 0.0);
    frames(queue);
    touch.move(1, 30, 320, 0.016); // before the answer: the press must still land at 300
    touch.target_found(true);
    touch.move(1, 30, 400, 0.033);
    auto dragged = frames(queue);
    REQUIRE(dragged.size() == 2);
    CHECK(dragged[0].down[0]);
    CHECK(dragged[0].y == 300);
    CHECK(dragged[1].down[0]);
    CHECK(dragged[1].y == 400);
    touch.end(1, 0.05);
    CHECK(touch.take_scroll(0.05) == 0);
    CHECK_FALSE(touch.gliding());
    auto released = frames(queue);
    CHECK_FALSE(released.back().down[0]);
    CHECK_FALSE(released.back().inside);
}

TEST_CASE("a flick glides on after the finger lifts, slowing, and stops within about a second") {
    PointerQueue queue;
    TouchGesture touch(queue);
    touch.start(1, 200, 700, 0.0);
    touch.target_found(false);
    double t = slide(touch, 200, 700, 100, 12, 0.0); // upwards at 3000 px/s for 0.2 s
    CHECK(touch.take_scroll(t) == 600);
    touch.end(1, t);
    REQUIRE(touch.gliding());

    float glided = 0, last_step = 1e9f;
    double now = t;
    int frames_gliding = 0;
    while (touch.gliding() && frames_gliding < 600) {
        now += 1.0 / 60;
        const float step = touch.take_scroll(now);
        CHECK(step > 0);          // on in the direction of the flick
        CHECK(step <= last_step); // slowing down
        last_step = step;
        glided += step;
        ++frames_gliding;
    }
    CHECK_FALSE(touch.gliding());
    // The whole glide of 3000 px/s, less what was left when it fell below the stopping speed.
    CHECK(glided == Approx(3000 * TouchGesture::kTimeConstant)
                        .margin(TouchGesture::kStopSpeed * TouchGesture::kTimeConstant));
    CHECK(now - t > 0.5);
    CHECK(now - t < 1.3);
}

TEST_CASE("a glide is the same at any frame rate") {
    auto glide = [](double frame) {
        PointerQueue queue;
        TouchGesture touch(queue);
        touch.start(1, 0, 500, 0.0);
        touch.target_found(false);
        touch.end(1, slide(touch, 0, 500, 700, 5, 0.0)); // downwards this time
        float total = 0;
        for (double now = 5.0 / 60; touch.gliding(); now += frame)
            total += touch.take_scroll(now);
        return total;
    };
    const float at60 = glide(1.0 / 60), at20 = glide(1.0 / 20);
    CHECK(at60 < 0); // a downward flick scrolls back up
    CHECK(at60 == Approx(at20).epsilon(0.03));
}

TEST_CASE("a lift that reaches a busy page late glides on from where the content is") {
    PointerQueue queue;
    TouchGesture touch(queue);
    touch.start(1, 200, 700, 0.0);
    touch.target_found(false);
    const double t = slide(touch, 200, 700, 100, 12, 0.0); // 3000 px/s
    CHECK(touch.take_scroll(t) == 600);
    touch.end(1, t);
    // The next frame comes half a second after the lift: a frame's worth, not half the glide.
    const float first = touch.take_scroll(t + 0.5);
    CHECK(first > 0);
    CHECK(first <= 3000.0f / 60);
    CHECK(touch.take_scroll(t + 0.5 + 1.0 / 60) > 0);
}

TEST_CASE("a finger landing on gliding content stops it, and that touch is no tap") {
    PointerQueue queue;
    TouchGesture touch(queue);
    touch.start(1, 200, 700, 0.0);
    touch.target_found(false);
    const double t = slide(touch, 200, 700, 400, 6, 0.0);
    touch.end(1, t);
    touch.take_scroll(t + 0.05);
    REQUIRE(touch.gliding());
    frames(queue);

    touch.start(2, 200, 500, t + 0.1);
    CHECK_FALSE(touch.gliding());
    CHECK(touch.take_scroll(t + 0.2) == 0);
    touch.target_found(false);
    touch.end(2, t + 0.2);
    CHECK_FALSE(ever_pressed(frames(queue)));

    touch.start(3, 200, 500, t + 0.5); // the next tap is a tap again
    touch.end(3, t + 0.55);
    CHECK(ever_pressed(frames(queue)));
}

TEST_CASE("a slow swipe leaves no glide, a second finger is ignored and a cancel presses nothing") {
    PointerQueue queue;
    TouchGesture touch(queue);
    touch.start(1, 100, 500, 0.0);
    touch.target_found(false);
    double t = slide(touch, 100, 500, 480, 20, 0.0); // 20 px in a third of a second
    touch.start(2, 300, 100, t);                     // a second finger: not followed
    touch.move(2, 300, 0, t + 0.01);
    CHECK(touch.take_scroll(t) == 20);
    touch.end(2, t + 0.01);
    touch.end(1, t + 0.01);
    CHECK_FALSE(touch.gliding());

    touch.start(3, 30, 300, 1.0);
    touch.target_found(true);
    touch.cancel(3);
    auto seen = frames(queue);
    CHECK_FALSE(seen.back().down[0]);
    CHECK_FALSE(seen.back().inside);
    touch.end(3, 1.1); // a cancelled finger's lift means nothing
    CHECK(frames(queue).empty());
}

TEST_CASE("a tap long after a flick is a tap, even when no frame ran since the lift") {
    PointerQueue queue;
    TouchGesture touch(queue);
    touch.start(1, 200, 700, 0.0);
    touch.target_found(false);
    const double t = slide(touch, 200, 700, 400, 6, 0.0); // 3000 px/s
    touch.end(1, t);
    REQUIRE(touch.gliding());
    frames(queue);
    // A busy page drew nothing for two seconds: the glide would have ended long ago.
    touch.start(2, 200, 500, t + 2.0);
    touch.end(2, t + 2.05);
    CHECK(ever_pressed(frames(queue)));
}

TEST_CASE("a finger held still on a message is a long press: a right click where it rests, and no "
          "tap after") {
    PointerQueue queue;
    TouchGesture touch(queue);
    touch.start(1, 100, 200, 0.0);
    frames(queue);
    touch.target_found(false, true);
    CHECK(touch.may_long_press());
    touch.move(1, 104, 203, 0.2); // within the slop
    touch.check_long_press(0.4);
    CHECK(queue.empty()); // not yet
    touch.check_long_press(0.5);
    CHECK_FALSE(touch.may_long_press());
    auto held = frames(queue);
    REQUIRE(held.size() == 2); // right down, right up
    CHECK(held[0].down[1]);
    CHECK_FALSE(held[0].down[0]);
    CHECK(held[0].x == 100);
    CHECK_FALSE(held[1].down[1]);
    touch.end(1, 0.9);
    const auto lifted = frames(queue);
    CHECK_FALSE(ever_pressed(lifted)); // lifting it is no tap
    REQUIRE_FALSE(lifted.empty());
    CHECK_FALSE(lifted.back().inside);
}

TEST_CASE("no long press for a finger that moved, a drag, page text or a caught glide") {
    PointerQueue queue;
    {
        TouchGesture touch(queue);
        touch.start(1, 100, 200, 0.0);
        touch.target_found(false, true);
        touch.move(1, 100, 230, 0.1); // a swipe
        touch.check_long_press(1.0);
        touch.end(1, 1.1);
        for (const auto& frame : frames(queue))
            CHECK_FALSE(frame.down[1]);
    }
    {
        TouchGesture touch(queue);
        touch.start(1, 100, 200, 0.0);
        touch.target_found(true); // a ranking handle: held, it drags
        touch.check_long_press(1.0);
        for (const auto& frame : frames(queue))
            CHECK_FALSE(frame.down[1]);
        touch.end(1, 1.1);
        frames(queue);
    }
    {
        TouchGesture touch(queue);
        touch.start(1, 100, 200, 0.0, false); // on message text: the browser selects a word
        touch.target_found(false, true);
        CHECK_FALSE(touch.may_long_press());
        touch.check_long_press(1.0);
        touch.end(1, 1.1);
        const auto seen = frames(queue);
        for (const auto& frame : seen)
            CHECK_FALSE(frame.down[1]);
    }
    {
        TouchGesture touch(queue);
        touch.start(1, 100, 200, 0.0);
        touch.target_found(false, false); // a button: a slow finger still presses it
        touch.check_long_press(1.0);
        touch.end(1, 1.1);
        const auto seen = frames(queue);
        CHECK(ever_pressed(seen));
        for (const auto& frame : seen)
            CHECK_FALSE(frame.down[1]);
    }
}
