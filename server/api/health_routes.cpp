#include "server/api/health_routes.h"

#include "protocol/health.h"
#include "server/version.h"

namespace orchard::api::health {

http::Response check(Call& call) {
    const std::string database_status = call.database().check();
    const bool ok = database_status == "ok";
    protocol::Health health{ok ? "ok" : "degraded", kVersion, database_status};
    // The configuration only from a database that works: a broken one answers 503, not 500.
    if (ok) health.message_size_limit = call.config().message_size_limit;
    health.kiosk_event = call.services.auth.kiosk_event;
    health.kiosk_url_events = call.services.auth.kiosk_url_events;
    health.kiosk_idle_seconds = call.services.auth.kiosk_idle_seconds;
    nlohmann::json body = protocol::to_json(health);
    // Which store: a load balancer's operator reads here that every server shares PostgreSQL.
    body["store"] = call.database().is_postgres() ? "postgresql" : "sqlite";
    // With a replica for reads: how far behind it may be, and where reads go now.
    if (call.database().has_replica()) {
        const auto lag = call.database().replica_lag_ms();
        body["replica_lag_ms"] = lag ? nlohmann::json(*lag) : nlohmann::json(nullptr);
        body["reads_from"] = call.database().reads_on_replica() ? "replica" : "primary";
    }
    auto response = http::Response::json(ok ? 200 : 503, body);
    response.set_header("Cache-Control", "no-store");
    return response;
}

} // namespace orchard::api::health
