#include "server/server_app.h"

#include "protocol/errors.h"
#include "server/api/auth_routes.h"
#include "server/api/health_routes.h"
#include "server/api/message_routes.h"
#include "server/api/task_routes.h"

namespace orchard {

ServerApp::ServerApp(const ServerAppConfig& config)
    : database_(store::Database::open(config.database_file)),
      checkpointer_(std::make_unique<store::WalCheckpointer>(*database_)),
      static_files_(http::StaticFiles::load(config.public_dir)) {
    api::add_health_routes(router_, *database_);
    api::add_auth_routes(router_, *database_);
    api::add_task_routes(router_, *database_, config.seed);
    api::add_message_routes(router_, *database_);
}

http::Response ServerApp::handle(const http::Request& request) const {
    const bool api = request.path == "/api" || request.path.starts_with("/api/");
    if (api) {
        if (auto response = router_.dispatch(request)) return std::move(*response);
        return http::Response::error(404, static_cast<int>(protocol::ErrorCode::Generic),
                                     "No API endpoint " + request.method + " " + request.path +
                                         ". The API is described in PROTOCOL.md.");
    }
    if (auto response = static_files_.serve(request)) return std::move(*response);
    return http::Response::error(404, static_cast<int>(protocol::ErrorCode::Generic),
                                 "Not found: " + request.path);
}

} // namespace orchard
