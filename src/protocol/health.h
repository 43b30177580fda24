// GET /api/v1/health (PROTOCOL.md §9): {"status": "ok", "version": "...", "database": "ok"}.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::protocol {

// PROTOCOL.md's default for the longest message; an admin may change it (message_size_limit).
inline constexpr long long kDefaultMessageSizeLimit = 2000;

struct Health {
    std::string status;   // "ok" when the server can serve requests, else "degraded"
    std::string version;  // the server's version, e.g. "0.1.0"
    std::string database; // "ok", or a short reason why the database is not usable
    // The longest text a message may have, in characters (the configuration's
    // message_size_limit), so that the client's counters and checks follow the server's.
    long long message_size_limit = kDefaultMessageSizeLimit;
    // A kiosk server's event and how long a visitor may be idle before the visit ends
    // (docs/kiosk.md); no event: not a kiosk.
    std::string kiosk_event;
    // Events a browser may be a kiosk of by its address, /?kiosk=EVENT.
    std::vector<std::string> kiosk_url_events;
    long long kiosk_idle_seconds = 0;
};

nlohmann::json to_json(const Health& health);
std::optional<Health> parse_health(std::string_view body);

} // namespace orchard::protocol
