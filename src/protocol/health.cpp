#include "protocol/health.h"

#include "protocol/json_read.h"

namespace orchard::protocol {

nlohmann::json to_json(const Health& health) {
    return {{"status", health.status},
            {"version", health.version},
            {"database", health.database},
            {"message_size_limit", health.message_size_limit}};
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
    return Health{*status, *version, *database, limit > 0 ? limit : kDefaultMessageSizeLimit};
}

} // namespace orchard::protocol
