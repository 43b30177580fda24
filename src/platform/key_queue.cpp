#include "platform/key_queue.h"

#include <algorithm>

namespace orchard::platform {

std::vector<KeyEvent> KeyQueue::next_frame() {
    constexpr int kRepeat = 2;
    std::vector<KeyEvent> frame;
    std::vector<int> changed;
    while (!events_.empty()) {
        const KeyEvent& event = events_.front();
        if (event.action != kRepeat) {
            if (std::find(changed.begin(), changed.end(), event.key) != changed.end()) break;
            changed.push_back(event.key);
        }
        frame.push_back(event);
        events_.pop_front();
    }
    return frame;
}

} // namespace orchard::platform
