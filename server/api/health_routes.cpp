#include "server/api/health_routes.h"

#include "protocol/health.h"
#include "server/api/request_runner.h"
#include "server/version.h"

namespace orchard::api {

void add_health_routes(http::Router& router, store::Database& database) {
    router.add("GET", "/api/v1/health", [&database](const http::Request&, const http::PathParams&) {
        const std::string database_status = database.check();
        const bool ok = database_status == "ok";
        protocol::Health health{ok ? "ok" : "degraded", kVersion, database_status};
        if (ok) {
            database.read([&](store::StatementCache& statements) {
                store::TreeStore store(statements);
                health.message_size_limit = load_config(store).message_size_limit;
            });
        }
        auto response = http::Response::json(ok ? 200 : 503, protocol::to_json(health));
        response.set_header("Cache-Control", "no-store");
        return response;
    });
}

} // namespace orchard::api
