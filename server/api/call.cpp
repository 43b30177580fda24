#include "server/api/call.h"

#include "server/api/route.h"
#include "server/api/stored_config.h"
#include "server/domain/domain_error.h"

#include <stdexcept>

namespace orchard::api {

const domain::Caller& Call::user() const {
    if (!caller.user) throw std::logic_error("this route does not require a named user");
    return *caller.user;
}

const store::AccountRecord& Call::account() const {
    if (!caller.account) throw std::logic_error("this route is not for signed-in accounts only");
    return *caller.account;
}

store::TreeStore& Call::store() const {
    if (!store_) throw std::logic_error("this route runs outside a transaction");
    return *store_;
}

const domain::TreeManagerConfig& Call::config() {
    if (!config_) {
        if (store_) {
            config_ = load_config(*store_);
        } else {
            services.database.read([&](store::StatementCache& statements) {
                store::TreeStore trees(statements);
                config_ = load_config(trees);
            });
        }
    }
    return *config_;
}

void Call::take_rate_limit() {
    if (!limit_ || !limiter_) throw std::logic_error("this route has no rate limit");
    // Once per request, though the handler may run again (a write that lost to another).
    if (effects_.rate_limit_taken) return;
    effects_.rate_limit_taken = true;
    if (auto wait_ms = limiter_->take(limit_->budgets(*this), now)) {
        domain::DomainError error(protocol::ErrorCode::TooManyRequests, limit_->refusal);
        error.retry_after_sec = (*wait_ms + 999) / 1000;
        throw error;
    }
}

void Call::set_header_on_any_answer(std::string name, std::string value) {
    effects_.headers.emplace_back(std::move(name), std::move(value));
}

void Call::audit(const domain::AuditEntry& entry) {
    domain::AuditActor actor;
    if (caller.user)
        actor.user_id = caller.user->user.id;
    else if (caller.account)
        actor.user_id = caller.account->user_id;
    if (!caller.client.id.empty()) actor.client_id = caller.client.id;
    if (store_) {
        domain::append_audit(store_->statements(), actor, entry, now);
    } else {
        services.database.write([&](store::StatementCache& statements) {
            domain::append_audit(statements, actor, entry, now);
        });
    }
    ++effects_.audit_rows;
}

http::Response no_content() {
    http::Response response;
    response.status = 204;
    return response;
}

} // namespace orchard::api
