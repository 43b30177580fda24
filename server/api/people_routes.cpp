#include "server/api/people_routes.h"

#include "server/api/permissions.h"
#include "server/api/query_params.h"
#include "server/domain/domain_error.h"
#include "server/domain/people_moderation.h"
#include "server/domain/person_purge.h"
#include "server/domain/request_fields.h"

#include <cstdint>
#include <optional>

namespace orchard::api::people {

namespace {

domain::PeopleModeration people_of(Call& call) {
    return domain::PeopleModeration(call.store(), call.config(), call.now);
}

domain::StaffActor actor_of(const Call& call) {
    domain::StaffActor actor;
    actor.user_id = user_id_of(call.caller);
    if (!actor.user_id && call.caller.account) actor.user_id = call.caller.account->user_id;
    actor.admin = is_admin(call.caller);
    return actor;
}

// The fields that are present; a field of the wrong type is refused before anything changes.
domain::PersonChange change_from(const nlohmann::json& body) {
    const domain::RequestFields fields(body);
    domain::PersonChange change;
    if (fields.has("enabled")) change.enabled = fields.bool_or("enabled", true);
    if (fields.has("disabled_reason")) change.disabled_reason = fields.string_or("disabled_reason");
    if (fields.has("hidden_from_leaderboards"))
        change.hidden_from_leaderboards = fields.bool_or("hidden_from_leaderboards", false);
    if (fields.has("role")) change.role = fields.string_or("role");
    fields.raise_problem();
    if (!change.enabled && !change.hidden_from_leaderboards && !change.role &&
        !change.disabled_reason)
        throw domain::bad_input("Nothing to change: send enabled, disabled_reason, "
                                "hidden_from_leaderboards or role.");
    return change;
}

} // namespace

http::Response search(Call& call) {
    const auto text = text_query(call.request, "search", 200);
    const auto max_count = int_query(call.request, "max_count", 50, 1, 200);
    return http::Response::json(200,
                                people_of(call).search(text && !text->empty() ? text : std::nullopt,
                                                       text_query(call.request, "before", 200),
                                                       static_cast<int>(max_count)));
}

http::Response page(Call& call) {
    return http::Response::json(200, people_of(call).page(call.param("user_id")));
}

http::Response change(Call& call) {
    const auto change = change_from(call.body);
    const std::string& user_id = call.param("user_id");
    auto [before, after] = people_of(call).change(user_id, change, actor_of(call));
    // One row per kind of change, so that the log can be filtered by it.
    if (change.enabled)
        call.audit(
            {*change.enabled ? "user.unban" : "user.ban",
             "user",
             user_id,
             {{"enabled", before["enabled"]}, {"disabled_reason", before["disabled_reason"]}},
             {{"enabled", after["enabled"]}, {"disabled_reason", after["disabled_reason"]}}});
    if (change.hidden_from_leaderboards)
        call.audit({"user.leaderboard_visibility",
                    "user",
                    user_id,
                    {{"hidden_from_leaderboards", before["hidden_from_leaderboards"]}},
                    {{"hidden_from_leaderboards", after["hidden_from_leaderboards"]}}});
    if (change.role)
        call.audit(
            {"user.role", "user", user_id, {{"role", before["role"]}}, {{"role", after["role"]}}});
    return http::Response::json(200, after);
}

http::Response purge_preview(Call& call) {
    const std::string& user_id = call.param("user_id");
    people_of(call).require_may_act_on(user_id, actor_of(call));
    domain::PersonPurge purge(call.store(), call.config(), call.now);
    return http::Response::json(200, domain::purge_plan_json(purge.plan(user_id)));
}

http::Response purge(Call& call) {
    const domain::RequestFields fields(call.body);
    // (Not an optional: GCC's -O3 takes a read of one for a read of nothing.)
    const bool check_count = fields.has("expect_messages");
    const std::int64_t expected = fields.int_or("expect_messages", 0, 0, INT32_MAX);
    const std::string& user_id = call.param("user_id");
    const auto actor = actor_of(call);
    people_of(call).require_may_act_on(user_id, actor);
    domain::PersonPurge purge(call.store(), call.config(), call.now);
    if (check_count) {
        const auto count = static_cast<std::int64_t>(purge.plan(user_id).messages.size());
        if (count != expected)
            throw domain::refusal(409, "The person has " + std::to_string(count) +
                                           " messages to purge now, not the " +
                                           std::to_string(expected) +
                                           " of the preview: look at the preview again.");
    }
    const auto done = domain::purge_plan_json(purge.carry_out(user_id, actor.user_id));
    // The log keeps what went: the ids and counts, not every text again.
    nlohmann::json summary = done;
    for (auto& item : summary["messages"]["items"])
        item.erase("text");
    call.audit({"user.purge", "user", user_id, nullptr, summary});
    return http::Response::json(200, done);
}

http::Response add_note(Call& call) {
    const std::string text = domain::RequestFields(call.body).string_or("text");
    const std::string& user_id = call.param("user_id");
    auto note = people_of(call).add_note(user_id, text, actor_of(call));
    call.audit({"user.note", "user", user_id, nullptr, note});
    return http::Response::json(201, note);
}

} // namespace orchard::api::people
