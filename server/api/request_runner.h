// How every API-key endpoint runs: parse the body, open one transaction, identify the caller,
// load the configuration, run the handler, commit. A refusal (DomainError) becomes its
// PROTOCOL.md error object and the transaction rolls back, so a refused request changes nothing.
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
    std::mt19937_64 rng; // used only while holding the database transaction
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
        store::Database::Transaction transaction(context.database);
        store::TreeStore store(transaction.statements());
        const std::int64_t now = domain::now_ms();
        const ApiCaller caller = identify_caller(request, &*body, store, user_required, now);
        const domain::TreeManagerConfig config = load_config(store);
        http::Response response = handle(store, caller, config, *body, now);
        transaction.commit();
        return response;
    } catch (const domain::DomainError& error) {
        return error_response(error);
    }
}

} // namespace orchard::api
