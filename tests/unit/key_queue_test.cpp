#include "platform/key_queue.h"

#include <catch2/catch.hpp>

using orchard::platform::KeyEvent;
using orchard::platform::KeyQueue;

namespace {
constexpr int kPress = 1, kRelease = 0, kRepeat = 2;
constexpr int kCtrl = 341, kEnter = 257, kA = 65;
} // namespace

TEST_CASE("a shortcut tapped between two frames is seen pressed, then released") {
    KeyQueue queue;
    // Ctrl+Enter pressed and released before the next frame: all four events at once.
    queue.push({kCtrl, 0, kPress, 0});
    queue.push({kEnter, 0, kPress, 2});
    queue.push({kEnter, 0, kRelease, 2});
    queue.push({kCtrl, 0, kRelease, 0});

    auto first = queue.next_frame();
    REQUIRE(first.size() == 2); // both keys down in the same frame
    CHECK(first[0].key == kCtrl);
    CHECK(first[1].key == kEnter);
    CHECK(first[1].action == kPress);

    auto second = queue.next_frame();
    REQUIRE(second.size() == 2);
    CHECK(second[0].action == kRelease);
    CHECK(second[1].action == kRelease);
    CHECK(queue.empty());
    CHECK(queue.next_frame().empty());
}

TEST_CASE("different keys change in the same frame, and repeats never wait") {
    KeyQueue queue;
    queue.push({kA, 0, kPress, 0});
    queue.push({kA, 0, kRepeat, 0});
    queue.push({kA, 0, kRepeat, 0});
    queue.push({kEnter, 0, kPress, 0});
    CHECK(queue.next_frame().size() == 4);
    CHECK(queue.empty());
}
