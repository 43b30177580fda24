// The guidelines and terms texts (assets/guidelines, packed into the client's data file under
// /guidelines), read once each.
#pragma once

#include <string>

namespace orchard::ui {

const std::string& guidelines_text(const std::string& file);

} // namespace orchard::ui
