#include "server/api/task_routes.h"

#include "protocol/account_requests.h"

#include "server/api/query_params.h"
#include "server/domain/request_fields.h"
#include "server/domain/task_service.h"

#include <string>
#include <vector>

namespace orchard::api::tasks {

namespace {

std::vector<domain::RateLimit> request_budgets(Call& call) {
    const domain::TreeManagerConfig& config = call.config();
    const std::string& user = call.user().user.id;
    std::vector<domain::RateLimit> limits = {
        {"user:" + user, config.task_requests_per_user,
         std::int64_t{config.task_requests_period_sec} * 1000}};
    const std::string type = domain::RequestFields(call.body).string_or("type", "random");
    const std::int64_t reply_period = std::int64_t{config.reply_requests_period_sec} * 1000;
    if (type == "assistant_reply")
        limits.push_back(
            {"assistant_reply:" + user, config.assistant_reply_requests_per_user, reply_period});
    if (type == "prompter_reply")
        limits.push_back(
            {"prompter_reply:" + user, config.prompter_reply_requests_per_user, reply_period});
    if (!call.caller.client.id.empty())
        limits.push_back({"client:" + call.caller.client.id, config.task_requests_per_api_client,
                          std::int64_t{config.api_client_period_sec} * 1000});
    return limits;
}

domain::TaskService task_service(Call& call) {
    return domain::TaskService(call.store(), call.config(), call.rng, call.now);
}

} // namespace

const RateLimitRule kRequestLimit = {
    request_budgets, "Too many task requests. Please wait a moment.", "task_requests"};

http::Response request(Call& call) {
    call.take_rate_limit();
    const auto asked = domain::accepted(protocol::parse_task_request(call.body));
    return http::Response::json(200, task_service(call).request_task(call.user(), asked.type,
                                                                     asked.lang, asked.collective));
}

http::Response availability(Call& call) {
    return http::Response::json(
        200, task_service(call).availability(call.user(),
                                             text_query(call.request, "lang").value_or("en")));
}

http::Response interaction(Call& call) {
    // Read once, here: a wrong type in any field is refused before a task is looked up.
    const auto answer = domain::accepted(protocol::parse_interaction(call.body));
    return http::Response::json(200, task_service(call).interaction(call.user(), answer));
}

http::Response close(Call& call) {
    return http::Response::json(
        200, task_service(call).close(
                 call.user(), domain::accepted(protocol::parse_task_ack(call.body)).message_id));
}

http::Response ack(Call& call) {
    task_service(call).ack(call.user(), call.param("task_id"),
                           domain::accepted(protocol::parse_task_ack(call.body)).message_id);
    return no_content();
}

http::Response nack(Call& call) {
    task_service(call).nack(call.user(), call.param("task_id"),
                            domain::accepted(protocol::parse_task_nack(call.body)).reason);
    return no_content();
}

} // namespace orchard::api::tasks
