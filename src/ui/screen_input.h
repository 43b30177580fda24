// What every screen view gets: the app to read and to act on, the clock its actions take, and
// whether the window is phone-sized.
#pragma once

#include "client/app.h"

namespace orchard::ui {

struct ScreenInput {
    client::App& app;
    double now = 0;
    bool compact = false;
};

} // namespace orchard::ui
