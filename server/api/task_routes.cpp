#include "server/api/task_routes.h"

#include "server/api/request_runner.h"
#include "server/domain/config.h"
#include "server/domain/ids.h"
#include "server/domain/task_service.h"
#include "server/store/tree_store.h"

#include <memory>
#include <random>

namespace orchard::api {

using domain::DomainError;
using protocol::ErrorCode;

void add_task_routes(http::Router& router, store::Database& database, std::uint64_t seed) {
    auto context = std::make_shared<ApiContext>(
        ApiContext{database, std::mt19937_64(seed != 0 ? seed : std::random_device{}())});

    router.add("POST", "/api/v1/tasks",
               [context](const http::Request& request, const http::PathParams&) {
                   return run(*context, request, true,
                              [&](store::TreeStore& store, const ApiCaller& caller,
                                  const domain::TreeManagerConfig& config,
                                  const nlohmann::json& body, std::int64_t now) {
                                  domain::TaskService tasks(store, config, context->rng, now);
                                  const std::string type = body.value("type", "random");
                                  const std::string lang = body.value("lang", "en");
                                  return http::Response::json(
                                      200, tasks.request_task(*caller.user, type, lang,
                                                              body.value("collective", false)));
                              });
               });

    router.add("POST", "/api/v1/tasks/availability",
               [context](const http::Request& request, const http::PathParams&) {
                   return run(
                       *context, request, true,
                       [&](store::TreeStore& store, const ApiCaller& caller,
                           const domain::TreeManagerConfig& config, const nlohmann::json&,
                           std::int64_t now) {
                           domain::TaskService tasks(store, config, context->rng, now);
                           const std::string lang = request.query_value("lang").value_or("en");
                           return http::Response::json(200, tasks.availability(*caller.user, lang));
                       });
               });

    router.add("POST", "/api/v1/tasks/interaction",
               [context](const http::Request& request, const http::PathParams&) {
                   return run(*context, request, true,
                              [&](store::TreeStore& store, const ApiCaller& caller,
                                  const domain::TreeManagerConfig& config,
                                  const nlohmann::json& body, std::int64_t now) {
                                  domain::TaskService tasks(store, config, context->rng, now);
                                  return http::Response::json(
                                      200, tasks.interaction(*caller.user, body));
                              });
               });

    router.add("POST", "/api/v1/tasks/close",
               [context](const http::Request& request, const http::PathParams&) {
                   return run(*context, request, true,
                              [&](store::TreeStore& store, const ApiCaller& caller,
                                  const domain::TreeManagerConfig& config,
                                  const nlohmann::json& body, std::int64_t now) {
                                  domain::TaskService tasks(store, config, context->rng, now);
                                  return http::Response::json(
                                      200, tasks.close(*caller.user, body.value("message_id", "")));
                              });
               });

    router.add("POST", "/api/v1/tasks/{task_id}/ack",
               [context](const http::Request& request, const http::PathParams& params) {
                   return run(*context, request, true,
                              [&](store::TreeStore& store, const ApiCaller& caller,
                                  const domain::TreeManagerConfig& config,
                                  const nlohmann::json& body, std::int64_t now) {
                                  domain::TaskService tasks(store, config, context->rng, now);
                                  tasks.ack(*caller.user, params.at("task_id"),
                                            body.value("message_id", ""));
                                  return no_content();
                              });
               });

    router.add("POST", "/api/v1/tasks/{task_id}/nack",
               [context](const http::Request& request, const http::PathParams& params) {
                   return run(*context, request, true,
                              [&](store::TreeStore& store, const ApiCaller& caller,
                                  const domain::TreeManagerConfig& config,
                                  const nlohmann::json& body, std::int64_t now) {
                                  domain::TaskService tasks(store, config, context->rng, now);
                                  tasks.nack(*caller.user, params.at("task_id"),
                                             body.value("reason", ""));
                                  return no_content();
                              });
               });

    router.add("GET", "/api/v1/admin/config",
               [context](const http::Request& request, const http::PathParams&) {
                   return run(*context, request, false,
                              [&](store::TreeStore&, const ApiCaller& caller,
                                  const domain::TreeManagerConfig& config, const nlohmann::json&,
                                  std::int64_t) {
                                  require_trusted(caller);
                                  return http::Response::json(200, domain::to_json(config));
                              });
               });

    router.add("PUT", "/api/v1/admin/config",
               [context](const http::Request& request, const http::PathParams&) {
                   return run(*context, request, false,
                              [&](store::TreeStore& store, const ApiCaller& caller,
                                  const domain::TreeManagerConfig& config,
                                  const nlohmann::json& body, std::int64_t) {
                                  require_trusted(caller);
                                  std::string error;
                                  auto updated = domain::apply_config_changes(config, body, error);
                                  if (!updated)
                                      return http::Response::error(
                                          400, static_cast<int>(ErrorCode::Generic), error);
                                  for (const auto& [key, value] : body.items())
                                      store.save_config(key, value.dump());
                                  return http::Response::json(200, domain::to_json(*updated));
                              });
               });
}

} // namespace orchard::api
