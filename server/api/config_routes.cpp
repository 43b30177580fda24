#include "server/api/config_routes.h"

#include "server/domain/config.h"
#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/domain/rewards.h"

#include <string>

namespace orchard::api::config_routes {

http::Response get(Call& call) {
    return http::Response::json(200, domain::to_json(call.config()));
}

http::Response put(Call& call) {
    // Any request may name the user it acts for (PROTOCOL.md): that is not a setting.
    nlohmann::json body = call.body;
    body.erase("user");
    std::string error;
    auto updated = domain::apply_config_changes(call.config(), body, error);
    if (!updated) throw domain::bad_input(error);
    store::TreeStore& store = call.store();
    bool weights_changed = false;
    for (const auto& [key, value] : body.items()) {
        store.save_config(key, value.dump());
        weights_changed = weights_changed || key.starts_with("points_");
    }
    // Scores are stored with the leaderboards: new weights, new scores.
    if (weights_changed)
        domain::Rewards(store.statements(), *updated, domain::now_ms()).recompute_scores();
    return http::Response::json(200, domain::to_json(*updated));
}

} // namespace orchard::api::config_routes
