// An event's name (`orchard serve --kiosk NAME`): what its kiosks tag their visitors with and what
// its public board is found by (docs/kiosk.md), so it also appears in URLs.
#pragma once

#include <string_view>

namespace orchard::domain {

// 1 to 40 characters: lower-case letters, digits and '-' ("spring-fair-2027").
bool valid_event_name(std::string_view name);

} // namespace orchard::domain
