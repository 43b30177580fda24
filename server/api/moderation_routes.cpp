#include "server/api/moderation_routes.h"

#include "server/api/query_params.h"
#include "server/domain/audit_log.h"
#include "server/domain/domain_error.h"
#include "server/domain/flag_moderation.h"
#include "server/domain/request_fields.h"

namespace orchard::api::moderation {

http::Response flagged(Call& call) {
    const auto state = text_query(call.request, "state", 16).value_or("open");
    if (state != "open" && state != "all")
        throw domain::bad_input("state must be \"open\" or \"all\".");
    const auto sort = text_query(call.request, "sort", 16).value_or("recent");
    if (sort != "recent" && sort != "most_flagged")
        throw domain::bad_input("sort must be \"recent\" or \"most_flagged\".");
    const auto max_count = int_query(call.request, "max_count", 100, 1, 500);
    domain::FlagModeration flags(call.store(), call.config(), call.now);
    return http::Response::json(
        200, flags.queue_json(state == "open" ? store::FlagQueue::Open : store::FlagQueue::All,
                              static_cast<int>(max_count), text_query(call.request, "before", 64),
                              sort == "most_flagged"));
}

http::Response decide(Call& call) {
    const std::string decision = domain::RequestFields(call.body).string_or("decision");
    domain::FlagModeration flags(call.store(), call.config(), call.now);
    const std::string& message_id = call.param("message_id");
    const auto before = call.store().find_message(message_id);
    flags.decide(message_id, decision, user_id_of(call.caller));
    // decide() refused an unknown message, so it is there.
    call.audit({"flag." + decision, "message", message_id, domain::message_removal_state(*before),
                domain::message_removal_state(*call.store().find_message(message_id))});
    return no_content();
}

} // namespace orchard::api::moderation
