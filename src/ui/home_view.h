// The home screen: what Orchard is, whether the server is reachable, how to embed it.
#pragma once

#include "client/app.h"

#include <string>

namespace orchard::ui {

struct HomeViewInput {
    const client::AppState& state;
    std::string page_origin; // e.g. "https://orchard.example.org", for the embed snippet
    bool compact = false;    // phone-sized: one column, smaller margins
};

struct HomeViewActions {
    bool retry = false;
};

HomeViewActions draw_home(const HomeViewInput& input);

} // namespace orchard::ui
