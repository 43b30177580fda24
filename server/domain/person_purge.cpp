#include "server/domain/person_purge.h"

#include "server/domain/ids.h"
#include "server/domain/message_service.h"
#include "server/domain/points.h"
#include "server/domain/tree_manager.h"
#include "server/store/people_store.h"
#include "server/store/read_connections.h"

#include <set>

namespace orchard::domain {

namespace {

// Not yet deleted by a moderator: in its tree, or hidden by flags.
bool purgeable(const store::MessageRecord& message) {
    return !message.deleted || message.hidden;
}

} // namespace

std::int64_t PersonPurge::count_others_under(const store::MessageRecord& message,
                                             const std::string& user_id) {
    std::int64_t count = 0;
    for (const auto& child : store_.children(message.id, true)) {
        if (!purgeable(child)) continue;
        // Their own replies are counted as theirs, with what is under them.
        if (child.user_id == user_id) continue;
        count += 1 + count_others_under(child, user_id);
    }
    return count;
}

PurgePlan PersonPurge::make_plan(const std::string& user_id, bool apply) {
    PurgePlan plan;
    plan.user_id = user_id;
    std::set<std::string> ids;
    for (const auto& id : store::PeopleStore(store_.statements()).purgeable_message_ids(user_id)) {
        auto message = store_.find_message(id);
        if (!message) continue;
        ids.insert(id);
        plan.messages.push_back(*message);
    }
    for (const auto& message : plan.messages) {
        plan.replies_under += count_others_under(message, user_id);
        if (message.parent_id) continue;
        const auto tree = store_.find_tree(message.tree_id);
        if (tree && tree_state::ends_when_prompt_removed(tree->state))
            plan.trees.push_back({tree->id, tree->state, tree_state::kAbortedLowGrade});
    }
    Rewards rewards(store_.statements(), config_, now_ms_,
                    !apply && store::on_read_connection(store_.statements()));
    plan.points = rewards.take_back_points(user_id, ids, apply);
    return plan;
}

PurgePlan PersonPurge::plan(const std::string& user_id) {
    return make_plan(user_id, false);
}

PurgePlan PersonPurge::carry_out(const std::string& user_id,
                                 const std::optional<std::string>& moderator_id) {
    PurgePlan plan = make_plan(user_id, true);
    MessageService messages(store_, config_, now_ms_);
    for (const auto& message : plan.messages) {
        // An earlier one of theirs may have taken this one with it.
        const auto now = store_.find_message(message.id);
        if (now && purgeable(*now)) messages.delete_message(message.id, moderator_id);
    }
    for (const auto& change : plan.trees)
        store_.set_tree_state(change.tree_id, change.to, now_ms_);
    return plan;
}

nlohmann::json purge_plan_json(const PurgePlan& plan) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& message : plan.messages)
        items.push_back({{"id", message.id},
                         {"message_tree_id", message.tree_id},
                         {"role", message.role},
                         {"is_prompt", !message.parent_id.has_value()},
                         {"hidden", message.hidden},
                         {"lang", message.lang},
                         {"text", message.text},
                         {"created_date", iso8601(message.created_ms)}});
    nlohmann::json trees = nlohmann::json::array();
    for (const auto& change : plan.trees)
        trees.push_back(
            {{"message_tree_id", change.tree_id}, {"from", change.from}, {"to", change.to}});
    nlohmann::json scores = nlohmann::json::object();
    for (const auto& [frame, before_after] : plan.points.scores)
        scores[std::string(frame_name(frame))] = {{"before", before_after.first},
                                                  {"after", before_after.second}};
    return {{"user_id", plan.user_id},
            {"messages", {{"count", plan.messages.size()}, {"items", items}}},
            {"replies_under", plan.replies_under},
            {"trees", trees},
            {"points", {{"scores", scores}, {"events", plan.points.events}}}};
}

} // namespace orchard::domain
