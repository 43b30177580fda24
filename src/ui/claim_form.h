// "Keep your account": a guest chooses a username and password and keeps every point earned.
// One form, drawn as a card on the dashboard and in the settings; both edit the same typed
// text (client::Forms::claim).
#pragma once

#include "client/app.h"

namespace orchard::ui {

enum class ClaimFormPlace {
    Dashboard, // a compact card: the fields side by side, widget ids "claim_…"
    Settings,  // like the other settings cards: labels above, widget ids "settings_claim_…"
};

void draw_claim_form(client::App& app, ClaimFormPlace place, float width, float padding,
                     bool compact);

} // namespace orchard::ui
