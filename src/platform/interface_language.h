// The interface language in the browser: what the person's browser and page ask for, the
// catalogs (English from the client's data file, any other fetched from /locales/<tag>.json when
// first chosen), and a translator that takes plural rules and number formats from the browser's
// Intl. The page's <html lang dir> follows, for screen readers and the browser's translator.
#pragma once

#include <string>
#include <vector>

namespace orchard::platform {

std::vector<std::string> browser_languages(); // navigator.languages

// Makes `tag` the active interface language once its catalog is in; call between frames. True
// when the active translator is `tag`'s, false while its catalog is on its way (then the
// previous translator stays active; a catalog that cannot be fetched leaves English).
bool apply_interface_language(const std::string& tag);

} // namespace orchard::platform
