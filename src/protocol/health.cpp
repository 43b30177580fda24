#include "protocol/health.h"

#include "protocol/json_read.h"

namespace orchard::protocol {

nlohmann::json to_json(const Health& health) {
    nlohmann::json json = {{"status", health.status},
                           {"version", health.version},
                           {"database", health.database},
                           {"message_size_limit", health.message_size_limit}};
    if (!health.kiosk_event.empty() || !health.kiosk_url_events.empty()) {
        auto& kiosk = json["kiosk"] = {{"idle_seconds", health.kiosk_idle_seconds}};
        if (!health.kiosk_event.empty()) kiosk["event"] = health.kiosk_event;
        if (!health.kiosk_url_events.empty()) kiosk["url_events"] = health.kiosk_url_events;
    }
    return json;
}

std::optional<Health> parse_health(std::string_view body) {
    auto json = parse_json(body);
    if (!json) return std::nullopt;
    auto status = read_string(*json, "status");
    auto version = read_string(*json, "version");
    auto database = read_string(*json, "database");
    if (!status || !version || !database) return std::nullopt;
    // An older server does not say: the protocol's default.
    const long long limit =
        read_integer(*json, "message_size_limit").value_or(kDefaultMessageSizeLimit);
    Health health{*status, *version, *database, limit > 0 ? limit : kDefaultMessageSizeLimit};
    if (const auto* kiosk = object_field(*json, "kiosk")) {
        health.kiosk_event = read_string(*kiosk, "event").value_or("");
        health.kiosk_idle_seconds = read_integer(*kiosk, "idle_seconds").value_or(90);
        if (health.kiosk_idle_seconds < 5) health.kiosk_idle_seconds = 5;
        if (const auto* events = array_field(*kiosk, "url_events"))
            for (const auto& event : *events)
                if (event.is_string()) health.kiosk_url_events.push_back(event.get<std::string>());
    }
    return health;
}

} // namespace orchard::protocol
