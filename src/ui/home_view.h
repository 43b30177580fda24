// The first screen: what Orchard is, whether the server is reachable, the ways to sign in
// (account, guest, e-mail link, OAuth provider), and how to embed Orchard in a website.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_home(const ScreenInput& input);

} // namespace orchard::ui
