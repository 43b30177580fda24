// Opens a link from a message in a new browser tab, without giving that page a handle back to
// Orchard (noopener). Only http, https and mailto URLs are opened; anything else is ignored.
#pragma once

#include <string>

namespace orchard::platform {

void open_url(const std::string& url);

} // namespace orchard::platform
