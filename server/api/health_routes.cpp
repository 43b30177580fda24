#include "server/api/health_routes.h"

#include "protocol/health.h"
#include "server/version.h"

namespace orchard::api {

void add_health_routes(http::Router& router, store::Database& database) {
    router.add("GET", "/api/v1/health", [&database](const http::Request&, const http::PathParams&) {
        const std::string database_status = database.check();
        const bool ok = database_status == "ok";
        auto response = http::Response::json(
            ok ? 200 : 503,
            protocol::to_json(protocol::Health{ok ? "ok" : "degraded", kVersion, database_status}));
        response.set_header("Cache-Control", "no-store");
        return response;
    });
}

} // namespace orchard::api
