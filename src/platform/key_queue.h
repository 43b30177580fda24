// Key events queued between frames and handed to ImGui so that each key changes state at most
// once per frame. ImGui 1.86 samples key states once per frame, so a key pressed and released
// between two frames (a quick tap, a shortcut sent by automation, a slow frame) would otherwise
// never be seen as pressed. Plain C++, unit-tested natively.
#pragma once

#include <deque>
#include <vector>

namespace orchard::platform {

struct KeyEvent {
    int key = 0;
    int scancode = 0;
    int action = 0; // 0 release, 1 press, 2 repeat (GLFW's values)
    int mods = 0;
};

class KeyQueue {
  public:
    void push(const KeyEvent& event) { events_.push_back(event); }
    bool empty() const { return events_.empty(); }
    // The events for the next frame: in order, stopping before the second change of any key.
    std::vector<KeyEvent> next_frame();

  private:
    std::deque<KeyEvent> events_;
};

} // namespace orchard::platform
