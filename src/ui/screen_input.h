// What every screen view gets: the app to read and to act on, the views' own state, the clock
// its actions take, and whether the window is phone-sized.
#pragma once

#include "client/app.h"
#include "ui/view_state.h"

#include <string_view>

namespace orchard::ui {

struct ScreenInput {
    client::App& app;
    ViewState& view;
    double now = 0;
    bool compact = false;
    std::string_view page_origin; // e.g. "https://orchard.example.org", for the embed snippet
};

} // namespace orchard::ui
