// The first screen: what Orchard is, whether the server is reachable, the ways to sign in
// (account, guest, e-mail link, OAuth provider), and how to embed Orchard in a website.
#pragma once

#include "client/app.h"

#include <string>

namespace orchard::ui {

struct HomeViewInput {
    client::App& app;
    double now = 0;
    std::string page_origin; // e.g. "https://orchard.example.org", for the embed snippet
    bool compact = false;    // phone-sized: one column, smaller margins
};

void draw_home(const HomeViewInput& input);

} // namespace orchard::ui
