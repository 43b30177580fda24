// GET /api/v1/health (PROTOCOL.md §9): {"status": "ok", "version": "...", "database": "ok"}.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace orchard::protocol {

struct Health {
    std::string status;   // "ok" when the server can serve requests, else "degraded"
    std::string version;  // the server's version, e.g. "0.1.0"
    std::string database; // "ok", or a short reason why the database is not usable
};

nlohmann::json to_json(const Health& health);
std::optional<Health> parse_health(std::string_view body);

} // namespace orchard::protocol
