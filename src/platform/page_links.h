// What the page's address carries at start (the end of an e-mail link or OAuth sign-in), and
// leaving the page for another (an OAuth provider's sign-in page).
#pragma once

#include "client/app.h"

#include <string>

namespace orchard::platform {

// Reads ?email_token=, #oauth_token= and #oauth_error= and removes them from the address bar, so
// that a reload or a shared link never replays a sign-in.
client::StartupLinks take_startup_links();
void navigate_to(const std::string& path);

} // namespace orchard::platform
