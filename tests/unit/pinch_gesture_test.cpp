#include "platform/pinch_gesture.h"

#include <catch2/catch.hpp>

using orchard::platform::PinchGesture;

TEST_CASE("a pinch is two fingers: their spread over the spread where the second one landed") {
    PinchGesture pinch;
    pinch.down(1, 100, 300);
    CHECK_FALSE(pinch.pinching());
    CHECK_FALSE(pinch.take_started());
    CHECK(pinch.factor() == 1);

    pinch.down(2, 200, 300); // 100 px apart
    CHECK(pinch.pinching());
    CHECK(pinch.take_started());
    CHECK_FALSE(pinch.take_started()); // said once
    pinch.move(1, 50, 300);
    pinch.move(2, 250, 300);
    CHECK(pinch.factor() == Approx(2.0));
    pinch.move(2, 50, 420); // straight down from the other: 120 px
    CHECK(pinch.factor() == Approx(1.2));

    // A third finger changes nothing; lifting one of the two ends the pinch.
    pinch.down(3, 0, 0);
    CHECK(pinch.factor() == Approx(1.2));
    pinch.up(2);
    CHECK_FALSE(pinch.pinching());
    CHECK(pinch.factor() == 1);
    pinch.up(3);
    pinch.up(1);
}

TEST_CASE("two fingers landing together do not make a tiny move a huge zoom") {
    PinchGesture pinch;
    pinch.down(1, 100, 100);
    pinch.down(2, 102, 100); // 2 px apart: counted as the least span
    pinch.move(2, 142, 100);
    CHECK(pinch.factor() == Approx(42.0 / PinchGesture::kLeastSpan));
}
