// How every API-key endpoint runs: parse the body, then in one write (see Database::write)
// identify the caller, load the configuration, run the handler. A refusal (DomainError) becomes
// its PROTOCOL.md error object and the request's work is rolled back, so it changes nothing.
#pragma once

#include "server/api/api_errors.h"
#include "server/api/caller.h"
#include "server/domain/config.h"
#include "server/domain/ids.h"
#include "server/store/database.h"
#include "server/store/tree_store.h"

#include <random>

namespace orchard::api {

struct ApiContext {
    store::Database& database;
    std::mt19937_64 rng; // used only inside Database::write, which runs one work at a time
};

// The configuration as stored: defaults with the admin's changes applied.
domain::TreeManagerConfig load_config(store::TreeStore& store);

std::optional<nlohmann::json> parse_body(const http::Request& request);

void require_trusted(const ApiCaller& caller);

http::Response no_content();

template <typename Handle>
http::Response run(ApiContext& context, const http::Request& request, bool user_required,
                   Handle handle) {
    auto body = parse_body(request);
    if (!body)
        return http::Response::error(400, static_cast<int>(protocol::ErrorCode::Generic),
                                     "The request body is not valid JSON.");
    try {
        http::Response response;
        context.database.write([&](store::StatementCache& statements) {
            store::TreeStore store(statements);
            const std::int64_t now = domain::now_ms();
            const ApiCaller caller = identify_caller(request, &*body, store, user_required, now);
            const domain::TreeManagerConfig config = load_config(store);
            response = handle(store, caller, config, *body, now);
        });
        return response;
    } catch (const domain::DomainError& error) {
        return error_response(error);
    }
}

} // namespace orchard::api
