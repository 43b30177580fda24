// The card on the first screen where a person creates an account, signs in, continues as a
// guest, asks for an e-mail link or picks an OAuth provider.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_sign_in_card(const ScreenInput& input, float width);

} // namespace orchard::ui
