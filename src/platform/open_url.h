// Opens a link from a message in a new browser tab, without giving that page a handle back to
// Orchard (noopener). Only http, https and mailto URLs are opened; anything else is ignored.
#pragma once

#include <string>

namespace orchard::platform {

void open_url(const std::string& url);

// A kiosk (docs/kiosk.md) lets no link lead out of the app: open_url does nothing and message
// links are drawn as text (platform/page_text.js reads the same flag).
void allow_leaving_links(bool allowed);

} // namespace orchard::platform
