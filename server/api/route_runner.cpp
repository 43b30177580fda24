#include "server/api/route_runner.h"

#include "server/api/api_errors.h"
#include "server/api/body_errors.h"
#include "server/api/caller.h"
#include "server/api/permissions.h"
#include "server/api/route_table.h"
#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/domain/request_fields.h"
#include "server/domain/shared_rate_limiter.h"
#include "server/store/read_connections.h"

#include <map>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>

namespace orchard::api {

namespace {

nlohmann::json read_body(const Route& route, const http::Request& request) {
    if (route.options.body == Body::Ignored || request.body.empty())
        return nlohmann::json::object();
    auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (route.options.body == Body::AccountFields) {
        if (body.is_discarded() || !body.is_object())
            throw domain::bad_input("The request body is not a JSON object.");
        return body;
    }
    if (body.is_discarded()) throw domain::bad_input(invalid_body_message(request.body));
    // Every endpoint reads its body (or nothing) as an object of fields: null, an array, a
    // number or a string is refused here, before a handler could mistake it for fields.
    if (!body.is_object()) {
        const domain::RequestFields fields(body); // refuses anything but an object, naming its type
        throw domain::bad_input("The request body is not valid JSON.");
    }
    return body;
}

// Who calls, checked against the route's access. With `may_write` false (a read connection), a
// frontend user seen for the first time or renamed throws store::WriteNeeded.
ApiCaller identify(const Route& route, const http::Request& request, const nlohmann::json& body,
                   store::TreeStore& store, std::int64_t now, bool may_write) {
    ApiCaller caller;
    if (route.access == Access::Public) return caller;
    if (route.access == Access::Session) {
        store::AccountStore accounts(store.statements());
        caller.account = session_account(request, accounts, now);
        return caller;
    }
    caller = identify_caller(request, &body, store, route.options.named_user, now, may_write);
    if (route.access == Access::Moderator) require(caller, Needs::Moderator);
    if (route.access == Access::Admin) require(caller, Needs::Admin);
    if (route.options.terms_before) require_accepted_terms(caller, route.options.terms_before);
    return caller;
}

// Moderators' and admins' routes that change something leave a row in the audit log.
bool must_audit(const Route& route) {
    return (route.access == Access::Moderator || route.access == Access::Admin) &&
           std::string_view(route.method) != "GET";
}

void check_audited(const Route& route, const http::Response& response, const CallEffects& effects) {
    if (must_audit(route) && response.status < 400 && effects.audit_rows == 0)
        throw std::logic_error(std::string("the handler of ") + route.method + " " + route.pattern +
                               " changed something without an audit row");
}

struct Attempt {
    const Route& route;
    ApiServices& services;
    domain::RateLimiter* limiter;
    const http::Request& request;
    const http::PathParams& params;
    const nlohmann::json& body;
    CallEffects& effects;

    // The handler inside a transaction on `statements`.
    http::Response in_transaction(store::StatementCache& statements, bool may_write) const {
        store::TreeStore store(statements);
        const std::int64_t now = domain::now_ms();
        const ApiCaller caller = identify(route, request, body, store, now, may_write);
        // Readers run side by side, so they do not share the writer's generator; a read run
        // again as a write keeps its own.
        std::optional<std::mt19937_64> own_rng;
        if (route.work != Work::Write) own_rng.emplace(static_cast<std::uint64_t>(now));
        Call call(request, params, body, caller, now, own_rng ? *own_rng : services.writer_rng,
                  services, &store, limiter, route.options.limit, effects);
        http::Response response = route.handler(call);
        // Thrown inside the transaction, so that an unaudited change is rolled back.
        check_audited(route, response, effects);
        return response;
    }

    // The handler outside any transaction; only identifying the caller takes one.
    http::Response outside_transactions() const {
        const std::int64_t now = domain::now_ms();
        ApiCaller caller;
        if (route.access != Access::Public) {
            services.database.write([&](store::StatementCache& statements) {
                store::TreeStore store(statements);
                caller = identify(route, request, body, store, now, true);
            });
        }
        std::mt19937_64 own_rng(static_cast<std::uint64_t>(now));
        Call call(request, params, body, caller, now, own_rng, services, nullptr, limiter,
                  route.options.limit, effects);
        http::Response response = route.handler(call);
        check_audited(route, response, effects);
        return response;
    }

    http::Response run() const {
        http::Response response;
        switch (route.work) {
        case Work::Write:
            // A write cannot be asked to write: WriteNeeded here is a fault (500).
            services.database.write([&](store::StatementCache& statements) {
                response = in_transaction(statements, true);
            });
            return response;
        case Work::Read:
            try {
                services.database.read([&](store::StatementCache& statements) {
                    response = in_transaction(statements, false);
                });
            } catch (const store::WriteNeeded&) {
                // Something is due that only a write can do (a caller seen for the first time,
                // rolling frames with events to let go, a prize due): the whole call again.
                services.database.write([&](store::StatementCache& statements) {
                    response = in_transaction(statements, true);
                });
            }
            return response;
        case Work::OwnTransactions:
            return outside_transactions();
        }
        throw std::logic_error("unknown kind of route work");
    }
};

} // namespace

http::Response run_route(const Route& route, ApiServices& services, domain::RateLimiter* limiter,
                         const http::Request& request, const http::PathParams& params) {
    CallEffects effects;
    http::Response response;
    try {
        const nlohmann::json body = read_body(route, request);
        response = Attempt{route, services, limiter, request, params, body, effects}.run();
        if (route.options.limit && !effects.rate_limit_taken && response.status < 400)
            throw std::logic_error(std::string("the handler of ") + route.method + " " +
                                   route.pattern + " answered without taking its rate limit");
    } catch (const domain::DomainError& error) {
        response = error_response(error);
    }
    for (auto& [name, value] : effects.headers)
        response.set_header(name, value);
    return response;
}

void add_api_routes(http::Router& router, store::Database& database, std::uint64_t seed,
                    const AuthOptions& auth) {
    auto services = std::make_shared<ApiServices>(database, auth, seed);
    // One limiter per rule, not per route: routes that share a rule share its budget (a
    // registration and a guest account both count as a new account).
    std::map<const RateLimitRule*, std::shared_ptr<domain::RateLimiter>> limiters;
    for (const Route& route : route_table()) {
        std::shared_ptr<domain::RateLimiter> limiter;
        if (route.options.limit) {
            auto& shared = limiters[route.options.limit];
            // Several servers may share a PostgreSQL database: their limits must be shared too.
            if (!shared && database.is_postgres())
                shared = std::make_shared<domain::SharedRateLimiter>(database,
                                                                     route.options.limit->name);
            if (!shared) shared = std::make_shared<domain::MemoryRateLimiter>();
            limiter = shared;
        }
        router.add(route.method, route.pattern,
                   [services, limiter, &route](const http::Request& request,
                                               const http::PathParams& params) {
                       return run_route(route, *services, limiter.get(), request, params);
                   });
    }
}

} // namespace orchard::api
