// How every API-key endpoint runs: parse the body, then in one write (see Database::write), or a
// read for answers that change nothing (Database::read), identify the caller, load the
// configuration, run the handler. A refusal (DomainError) becomes
// its PROTOCOL.md error object and the request's work is rolled back, so it changes nothing.
#pragma once

#include "server/api/api_errors.h"
#include "server/api/caller.h"
#include "server/api/permissions.h"
#include "server/domain/config.h"
#include "server/domain/ids.h"
#include "server/store/database.h"
#include "server/store/read_connections.h"
#include "server/store/tree_store.h"

#include <random>

namespace orchard::api {

struct ApiContext {
    store::Database& database;
    std::mt19937_64 rng; // used only inside Database::write (run), which runs one work at a time
};

// The configuration as stored: defaults with the admin's changes applied.
domain::TreeManagerConfig load_config(store::TreeStore& store);

std::optional<nlohmann::json> parse_body(const http::Request& request);

http::Response no_content();

// A body parse_body refused: 400, naming the field when it holds bytes that are not UTF-8.
http::Response invalid_json_response(const http::Request& request);
http::Response not_an_object_response(const nlohmann::json& body);

// One request's work on a connection: identify the caller, load the configuration, run the
// handler. `may_write` false: on a read connection, where a caller seen for the first time
// throws store::WriteNeeded.
template <typename Handle>
http::Response answer(store::StatementCache& statements, const http::Request& request,
                      const nlohmann::json& body, bool user_required, bool may_write,
                      Handle& handle) {
    store::TreeStore store(statements);
    const std::int64_t now = domain::now_ms();
    const ApiCaller caller = identify_caller(request, &body, store, user_required, now, may_write);
    const domain::TreeManagerConfig config = load_config(store);
    return handle(store, caller, config, body, now);
}

// The whole request: parse the body, then run `handle` in one write (Database::write), or with
// `reads` on a read connection (Database::read) for answers that change nothing: those take none
// of the writing connection's time. A read's `handle` must only read; where it finds that it has
// to write after all (a caller seen for the first time or renamed, rolling frames with events to
// let go, a prize due), it throws store::WriteNeeded and the request is run again as a write.
template <typename Handle>
http::Response run(ApiContext& context, const http::Request& request, bool user_required,
                   Handle handle, bool reads = false) {
    auto body = parse_body(request);
    if (!body) return invalid_json_response(request);
    // Every endpoint reads its body (or nothing) as an object of fields: null, an array, a
    // number or a string is refused here, before a handler could mistake it for fields.
    if (!body->is_object()) return not_an_object_response(*body);
    try {
        http::Response response;
        const auto work = [&](store::StatementCache& statements) {
            response = answer(statements, request, *body, user_required, !reads, handle);
        };
        if (reads)
            context.database.read(work);
        else
            context.database.write(work);
        return response;
    } catch (const store::WriteNeeded&) {
        if (!reads) throw; // a write cannot be asked to write
        return run(context, request, user_required, std::move(handle));
    } catch (const domain::DomainError& error) {
        return error_response(error);
    }
}

} // namespace orchard::api
