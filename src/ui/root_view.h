// The full-window frame around every screen: the top bar and the scrolling content area.
#pragma once

#include "client/app.h"

#include <string>

namespace orchard::ui {

struct RootViewInput {
    const client::AppState& state;
    std::string page_origin;
};

struct RootViewActions {
    bool toggle_theme = false;
    bool retry = false;
};

RootViewActions draw_root(const RootViewInput& input);

} // namespace orchard::ui
