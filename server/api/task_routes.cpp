#include "server/api/task_routes.h"

#include "server/api/query_params.h"
#include "server/api/request_runner.h"
#include "server/domain/config.h"
#include "server/domain/rate_limiter.h"
#include "server/domain/request_fields.h"
#include "server/domain/rewards.h"
#include "server/domain/task_service.h"

#include <memory>
#include <optional>
#include <random>

namespace orchard::api {

void add_task_routes(http::Router& router, store::Database& database, std::uint64_t seed) {
    auto context = std::make_shared<ApiContext>(
        ApiContext{database, std::mt19937_64(seed != 0 ? seed : std::random_device{}())});

    // Every task endpoint: a named user, one transaction, the task service.
    using Act = std::function<http::Response(domain::TaskService&, const domain::Caller&,
                                             const nlohmann::json& body, const http::Request&,
                                             const http::PathParams&)>;
    auto limiter = std::make_shared<domain::RateLimiter>();
    // Task requests count against the limits of the user, of reply tasks, and of the API
    // client; a request over any of them is refused with 429 and the wait in Retry-After.
    auto check_rate = [limiter](const ApiCaller& caller, const domain::TreeManagerConfig& config,
                                const nlohmann::json& body, std::int64_t now) {
        const std::string& user = caller.user->user.id;
        std::vector<domain::RateLimit> limits = {
            {"user:" + user, config.task_requests_per_user,
             std::int64_t{config.task_requests_period_sec} * 1000}};
        const std::string type = domain::RequestFields(body).string_or("type", "random");
        const std::int64_t reply_period = std::int64_t{config.reply_requests_period_sec} * 1000;
        if (type == "assistant_reply")
            limits.push_back({"assistant_reply:" + user, config.assistant_reply_requests_per_user,
                              reply_period});
        if (type == "prompter_reply")
            limits.push_back(
                {"prompter_reply:" + user, config.prompter_reply_requests_per_user, reply_period});
        if (!caller.client.id.empty())
            limits.push_back({"client:" + caller.client.id, config.task_requests_per_api_client,
                              std::int64_t{config.api_client_period_sec} * 1000});
        if (auto wait_ms = limiter->take(limits, now)) {
            domain::DomainError error(protocol::ErrorCode::TooManyRequests,
                                      "Too many task requests. Please wait a moment.");
            error.retry_after_sec = (*wait_ms + 999) / 1000;
            throw error;
        }
    };
    // `reads`: the answer changes nothing, so it runs on a read connection (see run).
    auto task_route = [context, check_rate](Act act, bool rate_limited, bool reads) {
        return [context, check_rate, act, rate_limited, reads](const http::Request& request,
                                                               const http::PathParams& params) {
            auto handle = [&](store::TreeStore& store, const ApiCaller& caller,
                              const domain::TreeManagerConfig& config, const nlohmann::json& body,
                              std::int64_t now) {
                require_accepted_terms(caller, "before your first task");
                if (rate_limited) check_rate(caller, config, body, now);
                // Readers run side by side, so they do not share the writer's generator.
                std::optional<std::mt19937_64> reader_rng;
                if (reads) reader_rng.emplace(static_cast<std::uint64_t>(now));
                domain::TaskService tasks(store, config, reads ? *reader_rng : context->rng, now);
                return act(tasks, *caller.user, body, request, params);
            };
            return run(*context, request, true, handle, reads);
        };
    };
    auto with_tasks = [task_route](Act act, bool rate_limited = false) {
        return task_route(std::move(act), rate_limited, false);
    };
    auto reading_tasks = [task_route](Act act) { return task_route(std::move(act), false, true); };

    router.add("POST", "/api/v1/tasks",
               with_tasks(
                   [](domain::TaskService& tasks, const domain::Caller& user,
                      const nlohmann::json& body, const http::Request&, const http::PathParams&) {
                       const domain::RequestFields fields(body);
                       return http::Response::json(
                           200, tasks.request_task(user, fields.string_or("type", "random"),
                                                   fields.string_or("lang", "en"),
                                                   fields.bool_or("collective", false)));
                   },
                   /*rate_limited=*/true));
    router.add("POST", "/api/v1/tasks/availability",
               reading_tasks([](domain::TaskService& tasks, const domain::Caller& user,
                                const nlohmann::json&, const http::Request& request,
                                const http::PathParams&) {
                   return http::Response::json(
                       200, tasks.availability(user, text_query(request, "lang").value_or("en")));
               }));
    router.add(
        "POST", "/api/v1/tasks/interaction",
        with_tasks([](domain::TaskService& tasks, const domain::Caller& user,
                      const nlohmann::json& body, const http::Request&, const http::PathParams&) {
            return http::Response::json(200, tasks.interaction(user, body));
        }));
    router.add(
        "POST", "/api/v1/tasks/close",
        with_tasks([](domain::TaskService& tasks, const domain::Caller& user,
                      const nlohmann::json& body, const http::Request&, const http::PathParams&) {
            return http::Response::json(
                200, tasks.close(user, domain::RequestFields(body).string_or("message_id")));
        }));
    router.add("POST", "/api/v1/tasks/{task_id}/ack",
               with_tasks([](domain::TaskService& tasks, const domain::Caller& user,
                             const nlohmann::json& body, const http::Request&,
                             const http::PathParams& params) {
                   tasks.ack(user, params.at("task_id"),
                             domain::RequestFields(body).string_or("message_id"));
                   return no_content();
               }));
    router.add("POST", "/api/v1/tasks/{task_id}/nack",
               with_tasks([](domain::TaskService& tasks, const domain::Caller& user,
                             const nlohmann::json& body, const http::Request&,
                             const http::PathParams& params) {
                   tasks.nack(user, params.at("task_id"),
                              domain::RequestFields(body).string_or("reason"));
                   return no_content();
               }));

    // The tree manager's configuration: admins only (PROTOCOL.md §5, §9), not moderators.
    auto with_config = [context](auto act) {
        return [context, act](const http::Request& request, const http::PathParams&) {
            return run(*context, request, false,
                       [&](store::TreeStore& store, const ApiCaller& caller,
                           const domain::TreeManagerConfig& config, const nlohmann::json& body,
                           std::int64_t) {
                           require(caller, Needs::Admin);
                           return act(store, config, body);
                       });
        };
    };
    router.add("GET", "/api/v1/admin/config",
               with_config([](store::TreeStore&, const domain::TreeManagerConfig& config,
                              const nlohmann::json&) {
                   return http::Response::json(200, domain::to_json(config));
               }));
    router.add(
        "PUT", "/api/v1/admin/config",
        with_config([](store::TreeStore& store, const domain::TreeManagerConfig& config,
                       const nlohmann::json& request_body) {
            // Any request may name the user it acts for (PROTOCOL.md): that is not a setting.
            nlohmann::json body = request_body;
            if (body.is_object()) body.erase("user");
            std::string error;
            auto updated = domain::apply_config_changes(config, body, error);
            if (!updated)
                return http::Response::error(400, static_cast<int>(protocol::ErrorCode::Generic),
                                             error);
            bool weights_changed = false;
            for (const auto& [key, value] : body.items()) {
                store.save_config(key, value.dump());
                weights_changed = weights_changed || key.starts_with("points_");
            }
            // Scores are stored with the leaderboards: new weights, new scores.
            if (weights_changed)
                domain::Rewards(store.statements(), *updated, domain::now_ms()).recompute_scores();
            return http::Response::json(200, domain::to_json(*updated));
        }));
}

} // namespace orchard::api
