#include "server/api/moderation_routes.h"

#include "server/api/query_params.h"
#include "server/api/request_runner.h"
#include "server/domain/flag_moderation.h"
#include "server/domain/request_fields.h"

#include <memory>

namespace orchard::api {

void add_moderation_routes(http::Router& router, store::Database& database) {
    auto context = std::make_shared<ApiContext>(ApiContext{database, std::mt19937_64(1)});
    // GET ?state=open (default: not yet decided, or flagged again since) or all; max_count,
    // before (the `next` of the previous page).
    router.add("GET", "/api/v1/moderation/flagged",
               [context](const http::Request& request, const http::PathParams&) {
                   return run(
                       *context, request, false,
                       [&](store::TreeStore& store, const ApiCaller& caller,
                           const domain::TreeManagerConfig& config, const nlohmann::json&,
                           std::int64_t now) {
                           require(caller, Needs::Moderator);
                           const auto state = text_query(request, "state", 16).value_or("open");
                           if (state != "open" && state != "all")
                               throw domain::bad_input("state must be \"open\" or \"all\".");
                           const auto max_count = int_query(request, "max_count", 100, 1, 500);
                           domain::FlagModeration flags(store, config, now);
                           return http::Response::json(
                               200, flags.queue_json(state == "open" ? store::FlagQueue::Open
                                                                     : store::FlagQueue::All,
                                                     static_cast<int>(max_count),
                                                     text_query(request, "before", 64)));
                       },
                       true);
               });
    // Body {decision: keep | remove}: keep brings a hidden message back with what was hidden
    // under it; remove deletes it (a prompt's tree ends as aborted_low_grade).
    router.add("POST", "/api/v1/moderation/flagged/{message_id}",
               [context](const http::Request& request, const http::PathParams& params) {
                   return run(*context, request, false,
                              [&](store::TreeStore& store, const ApiCaller& caller,
                                  const domain::TreeManagerConfig& config,
                                  const nlohmann::json& body, std::int64_t now) {
                                  require(caller, Needs::Moderator);
                                  const std::string decision =
                                      domain::RequestFields(body).string_or("decision");
                                  domain::FlagModeration flags(store, config, now);
                                  flags.decide(params.at("message_id"), decision,
                                               user_id_of(caller));
                                  return no_content();
                              });
               });
}

} // namespace orchard::api
