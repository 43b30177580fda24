#include "server/api/tree_status_routes.h"

#include "server/domain/ids.h"
#include "server/domain/task_service.h"
#include "server/store/dataset_store.h"
#include "server/store/tree_status_store.h"

namespace orchard::api::tree_status {

namespace {

// Enough for any screen; the counts by state and language cover every tree.
constexpr int kActiveTreesShown = 200;
constexpr int kLanguagesShown = 40;

} // namespace

http::Response status(Call& call) {
    store::TreeStatusStore trees(call.store().statements());
    nlohmann::json counts = nlohmann::json::array();
    for (const auto& c : store::DatasetStore(call.store().statements()).tree_counts())
        counts.push_back(
            {{"state", c.state}, {"lang", c.lang}, {"trees", c.trees}, {"messages", c.messages}});
    nlohmann::json active = nlohmann::json::array();
    for (const auto& t : trees.active_trees(kActiveTreesShown))
        active.push_back({{"message_tree_id", t.id},
                          {"lang", t.lang},
                          {"state", t.state},
                          {"goal_tree_size", t.goal_tree_size},
                          {"messages", t.messages},
                          {"created_date", domain::iso8601(t.created_ms)}});
    // What someone who has done nothing yet could be given: a person of no API client and no
    // history (no tree excludes them).
    const domain::Caller newcomer{
        store::UserRecord{"", std::nullopt, "system", "", "", true, false}, std::nullopt};
    domain::TaskService tasks(call.store(), call.config(), call.rng, call.now);
    nlohmann::json available = nlohmann::json::object();
    for (const auto& lang : trees.working_languages(kLanguagesShown))
        available[lang] = tasks.availability(newcomer, lang);
    return http::Response::json(
        200, {{"trees", counts}, {"active_trees", active}, {"available_tasks", available}});
}

} // namespace orchard::api::tree_status
