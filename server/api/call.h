// The one shape of an API handler: `http::Response handler(Call& call)`. A Call is everything
// one request's handler may use: the request with its path parameters and parsed body, who is
// calling, the clock, a random generator, the configuration, and the store over the request's
// transaction (or, for routes that manage their own transactions, the database). The route
// runner (route_runner.h) makes it; handlers refuse by throwing domain::DomainError.
#pragma once

#include "server/api/api_services.h"
#include "server/api/caller.h"
#include "server/domain/audit_log.h"
#include "server/domain/config.h"
#include "server/domain/rate_limiter.h"
#include "server/http/router.h"
#include "server/store/tree_store.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace orchard::api {

struct RateLimitRule;

// What a call did besides its response, which the runner needs after the handler returns
// (or throws).
struct CallEffects {
    bool rate_limit_taken = false;
    int audit_rows = 0; // rows this call added to the audit log
    // Headers the answer carries whatever it is, a refusal included (e.g. a cookie to forget).
    std::vector<std::pair<std::string, std::string>> headers;
};

class Call {
  public:
    Call(const http::Request& request_, const http::PathParams& params_,
         const nlohmann::json& body_, const ApiCaller& caller_, std::int64_t now_,
         std::mt19937_64& rng_, ApiServices& services_, store::TreeStore* store,
         domain::RateLimiter* limiter, const RateLimitRule* limit, CallEffects& effects)
        : request(request_), params(params_), body(body_), caller(caller_), now(now_), rng(rng_),
          services(services_), store_(store), limiter_(limiter), limit_(limit), effects_(effects) {}

    const http::Request& request;
    const http::PathParams& params;
    const nlohmann::json& body; // an object; empty when the route ignores the body
    const ApiCaller& caller;    // empty for public routes
    const std::int64_t now;     // when the call (or its transaction) started, ms since the epoch
    std::mt19937_64& rng;       // the writer's for Work::Write, the call's own otherwise
    ApiServices& services;

    const std::string& param(const char* name) const { return params.at(name); }
    // The end user the request names: there is one on routes that require it.
    const domain::Caller& user() const;
    // The signed-in account: there is one on Access::Session routes.
    const store::AccountRecord& account() const;

    // The store over the request's transaction; only for Work::Read and Work::Write routes.
    store::TreeStore& store() const;
    // For Work::OwnTransactions routes, which open their transactions themselves.
    store::Database& database() const { return services.database; }
    // The configuration as stored (defaults with the admin's changes), read when first asked.
    const domain::TreeManagerConfig& config();

    // Counts this call against its route's limit; DomainError 429 with Retry-After when over.
    void take_rate_limit();
    // A header for the answer whatever it turns out to be, a refusal included.
    void set_header_on_any_answer(std::string name, std::string value);
    // Records a moderator's or admin's action in the audit log (docs/moderation.md), in the
    // call's transaction (or, outside one, in a transaction of its own). Every moderator and
    // admin route that changes something must: the runner refuses one that answers without.
    void audit(const domain::AuditEntry& entry);

  private:
    store::TreeStore* store_;
    domain::RateLimiter* limiter_;
    const RateLimitRule* limit_;
    CallEffects& effects_;
    std::optional<domain::TreeManagerConfig> config_;
};

// 204 without a body.
http::Response no_content();

} // namespace orchard::api
