// Small facts and services of the page around the client.
#pragma once

#include <functional>
#include <string>

namespace orchard::platform {

double now_seconds();
bool prefers_dark_theme();
std::string page_origin();
// The page URL's fragment without the '#' ("" when there is none).
std::string url_fragment();
// A parameter of the page's query, decoded ("" when it has none): url_parameter("kiosk").
std::string url_parameter(const char* name);
// The browser's preferred language tag, e.g. "de-CH".
std::string browser_language();
// 64 random bits from the browser's cryptographic generator (frontend ids must not collide).
unsigned long long random_seed();
// Removes the loading screen of the HTML shell once the first frame is drawn.
void hide_loading_screen();
// Runs `wake` once at `at_seconds` (now_seconds() clock); a later call replaces the earlier one.
void wake_up_at(double at_seconds, std::function<void()> wake);
// Drops a pending wake_up_at (nothing is due any more, e.g. the dashboard's refresh after
// leaving it), so an idle page stays idle.
void cancel_wake_up();

} // namespace orchard::platform
