#include "server/domain/event_names.h"

namespace orchard::domain {

bool valid_event_name(std::string_view name) {
    if (name.empty() || name.size() > 40) return false;
    for (const char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

} // namespace orchard::domain
