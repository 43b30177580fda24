#include "ui/animation.h"

namespace orchard::ui {

namespace {
bool g_requested = false;
}

void keep_animating() {
    g_requested = true;
}

bool take_animation_request() {
    const bool requested = g_requested;
    g_requested = false;
    return requested;
}

} // namespace orchard::ui
