#include "platform/pointer_queue.h"

#include <catch2/catch.hpp>

using namespace orchard::platform;
using Kind = PointerEvent::Kind;

TEST_CASE("a click faster than a frame is split over frames, never lost") {
    PointerQueue queue;
    queue.push({Kind::Move, 10, 20});
    queue.push({Kind::Down, 0, 0, 0});
    queue.push({Kind::Up, 0, 0, 0});

    auto frame1 = queue.next_frame(); // the pointer arrives
    CHECK(frame1.inside);
    CHECK(frame1.x == 10);
    CHECK_FALSE(frame1.down[0]);
    auto frame2 = queue.next_frame(); // it goes down where it arrived
    CHECK(frame2.down[0]);
    CHECK(frame2.x == 10);
    CHECK_FALSE(queue.empty());
    auto frame3 = queue.next_frame(); // and comes up
    CHECK_FALSE(frame3.down[0]);
    CHECK(queue.empty());
}

TEST_CASE("a touch presses where the finger landed, then leaves no hover behind") {
    PointerQueue queue;
    queue.push({Kind::Move, 5, 5});
    queue.next_frame();
    // A tap elsewhere: the press must not be reported at (5, 5).
    queue.push({Kind::Move, 300, 400});
    queue.push({Kind::Down, 0, 0, 0});
    queue.push({Kind::Up, 0, 0, 0});
    queue.push({Kind::Leave});
    auto arrive = queue.next_frame();
    CHECK(arrive.x == 300);
    CHECK_FALSE(arrive.down[0]);
    auto press = queue.next_frame();
    CHECK(press.down[0]);
    CHECK(press.x == 300);
    CHECK(press.y == 400);
    CHECK_FALSE(queue.next_frame().down[0]);
    CHECK_FALSE(queue.next_frame().inside);
}

TEST_CASE("a drag and its release within one frame: ImGui sees it held where it was taken") {
    PointerQueue queue;
    queue.push({Kind::Move, 10, 10});
    queue.push({Kind::Down, 0, 0, 0});
    queue.next_frame();
    queue.next_frame();
    queue.push({Kind::Move, 10, 80});
    queue.push({Kind::Up, 0, 0, 0});
    auto moved = queue.next_frame();
    CHECK(moved.down[0]);
    CHECK(moved.y == 80);
    auto released = queue.next_frame();
    CHECK_FALSE(released.down[0]);
    CHECK(queue.empty());
}

TEST_CASE("moves and wheel turns within one frame are combined") {
    PointerQueue queue;
    queue.push({Kind::Move, 1, 1});
    queue.push({Kind::Wheel, 0, -1.5f});
    queue.push({Kind::Move, 2, 2});
    queue.push({Kind::Wheel, 0, -0.5f});
    auto state = queue.next_frame();
    CHECK(state.x == 2);
    CHECK(state.wheel_y == -2.0f);
    CHECK(queue.empty());
    CHECK(queue.next_frame().wheel_y == 0.0f); // wheel is per frame, not sticky
}

TEST_CASE("wheel deltas scroll as far as the browser would") {
    // 100 px down with a 17 px font: ImGui scrolls 5 * 17 px per unit, upwards positive.
    CHECK(wheel_units(100, 0, 17, 800) == Approx(-100.0 / 85.0));
    CHECK(wheel_units(-3, 1, 17, 800) == Approx(3 * 17 * 3 / 85.0));
    CHECK(wheel_units(1, 2, 17, 800) == Approx(-800 / 85.0));
}
