// Moving between the signed-in screens from the top bar: tabs on wide windows, a menu button
// with a drop-down list on narrower ones (phones included), and the person's level and points.
#pragma once

#include "client/app.h"

#include <imgui.h>

namespace orchard::ui {

// True when the screens have tabs or a menu: signed in, terms accepted.
bool navigation_available(const client::AppState& state);
// Tabs in the top bar from `x` (its screen position) to `max_x`, in a bar `bar_height` tall
// starting at `top`. Returns where they end.
float draw_navigation_tabs(client::App& app, double now, float x, float top, float bar_height);
// The width the tabs take.
float navigation_tabs_width(const client::AppState& state);
// The menu button at the cursor and its drop-down; `with_sign_out` puts "Sign out" in the list
// (phones, where the top bar has no room for it).
void draw_navigation_menu(client::App& app, double now, float button_w, bool with_sign_out,
                          float popup_right, float popup_top);
float navigation_menu_button_width();
// The person's name over "Level 3 · 42 points", right-aligned at `right`; opens the profile.
// Returns its width (0 when there is nothing to show yet).
float draw_score_summary(client::App& app, double now, float right, float top, float bar_height);
// At most kScoreSummaryMaxWidth: a long name is shortened with "…".
float score_summary_width(const client::AppState& state);
constexpr float kScoreSummaryMaxWidth = 240;

} // namespace orchard::ui
