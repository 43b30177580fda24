// The whole server as one function from Request to Response: the API routes, then the client's
// static files. Owns the database; knows nothing of sockets (http/http_server.h does that).
#pragma once

#include "server/api/auth_options.h"
#include "server/http/router.h"
#include "server/http/static_files.h"
#include "server/store/database.h"
#include "server/store/wal_checkpointer.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace orchard {

struct ServerAppConfig {
    // The data (store::Database::open_data): SQLite in data_dir unless a PostgreSQL URL is given.
    std::filesystem::path data_dir;
    std::string database_url;
    std::string database_read_url;
    std::filesystem::path public_dir; // the built client and web/ files
    std::uint64_t seed = 0;           // task choices; 0 = unpredictable (tests set one)
    // Origins of other sites whose pages may call the API; same origin only when empty.
    std::vector<std::string> allowed_origins;
    // Origins of other sites whose pages may show Orchard in a frame (embedding_policy.h).
    std::vector<std::string> embed_origins;
    api::AuthOptions auth; // e-mail and OAuth2 sign-in
    // Called after each API request, whose news (if any) is committed by then: the webhook's
    // wake-up. Must be quick.
    std::function<void()> news_added;
};

class ServerApp {
  public:
    explicit ServerApp(const ServerAppConfig& config);

    http::Response handle(const http::Request& request) const;

    store::Database& database() { return *database_; }
    const http::StaticFiles& static_files() const { return static_files_; }
    const http::Router& router() const { return router_; } // every API route (tests list them)

  private:
    std::unique_ptr<store::Database> database_;
    std::unique_ptr<store::WalCheckpointer> checkpointer_; // stopped before the database closes
    http::StaticFiles static_files_;
    http::Router router_;
    std::vector<std::string> allowed_origins_;
    std::vector<std::string> embed_origins_;
    std::function<void()> news_added_;
};

} // namespace orchard
