#include "server/server_app.h"

#include "protocol/errors.h"

#include "server/api/export_routes.h"
#include "server/api/route_runner.h"
#include "server/embedding_policy.h"

#include <algorithm>

namespace orchard {

ServerApp::ServerApp(const ServerAppConfig& config)
    : database_(store::Database::open_data(config.data_dir, config.database_url,
                                           config.database_read_url)),
      // PostgreSQL checkpoints by itself.
      checkpointer_(database_->is_postgres()
                        ? nullptr
                        : std::make_unique<store::WalCheckpointer>(*database_)),
      static_files_(http::StaticFiles::load(config.public_dir)),
      allowed_origins_(config.allowed_origins), embed_origins_(config.embed_origins),
      news_added_(config.news_added) {
    api::add_api_routes(router_, *database_, config.seed, config.auth);
    api::exports::remove_stale_exports(database_->folder());
}

http::Response ServerApp::handle(const http::Request& request) const {
    const bool api = request.path == "/api" || request.path.starts_with("/api/");
    if (api) {
        // Cross-origin calls only from the allowed origins (embedding hosts). Sessions are
        // bearer tokens, never cookies, so a page elsewhere cannot act as a signed-in person.
        const auto origin = request.header("Origin");
        const bool allowed = origin && std::find(allowed_origins_.begin(), allowed_origins_.end(),
                                                 *origin) != allowed_origins_.end();
        http::Response response;
        if (request.method == "OPTIONS" && allowed &&
            request.header("Access-Control-Request-Method")) {
            response.status = 204;
            response.set_header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
            response.set_header("Access-Control-Allow-Headers",
                                "Authorization, Content-Type, X-API-Key");
            response.set_header("Access-Control-Max-Age", "600");
        } else if (auto routed = router_.dispatch(request)) {
            response = std::move(*routed);
            // Any request may have added news (a prompt accepted, a prize ending): committed by
            // now, so the webhook may read it.
            if (news_added_) news_added_();
        } else {
            response =
                http::Response::error(404, static_cast<int>(protocol::ErrorCode::Generic),
                                      "No API endpoint " + request.method + " " + request.path +
                                          ". The API is described in PROTOCOL.md.");
        }
        if (allowed) response.set_header("Access-Control-Allow-Origin", *origin);
        response.set_header("Vary", "Origin");
        return response;
    }
    auto response = static_files_.serve(request);
    if (!response)
        response = http::Response::error(404, static_cast<int>(protocol::ErrorCode::Generic),
                                         "Not found: " + request.path);
    response->set_header("Content-Security-Policy", frame_policy(request.path, embed_origins_));
    return std::move(*response);
}

} // namespace orchard
