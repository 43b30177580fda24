// The full-window frame around every screen: the top bar, the connection banner and the
// scrolling content area with the current screen.
#pragma once

#include "client/app.h"
#include "ui/view_state.h"

#include <string>

namespace orchard::ui {

struct RootViewInput {
    client::App& app;
    ViewState& view;
    double now = 0;          // seconds, the clock App actions take
    std::string page_origin; // e.g. "https://orchard.example.org"
};

void draw_root(const RootViewInput& input);

// Whether a popup or the guidelines panel lies over the page this frame: page elements laid over
// the canvas (platform/page_text.h) hide then, or they would cover it.
bool page_covered();

// How tall the last frame's content was, in CSS pixels, from the top of the window to the end
// of the screen's content: an embedding host makes its frame this tall (platform/embed_host.h).
float content_height();

} // namespace orchard::ui
