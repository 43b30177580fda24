// The browser's session history for the client's screens (client/routes.h). The address of the
// screen on show is recorded as the person moves between screens, and Back and Forward lead to
// the screens they point at, as on any web site.
#pragma once

#include <functional>
#include <string>

namespace orchard::platform {

// `on_change` gets the address Back or Forward (or an edited URL) leads to.
void install_history(std::function<void(const std::string& path)> on_change);
// The address in the page's URL fragment ("/leaderboard/week"); "" when there is none.
std::string current_route();
// Records `path` as the screen now shown: a new history entry, except for the first screen of
// the visit, which takes the place of the entry the page was opened with.
void show_route(const std::string& path);

} // namespace orchard::platform
