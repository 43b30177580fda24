#include "server/api/config_routes.h"

#include "server/domain/audit_log.h"
#include "server/domain/config.h"
#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/domain/rewards.h"

#include <map>
#include <string>

namespace orchard::api::config_routes {

http::Response get(Call& call) {
    return http::Response::json(200, domain::to_json(call.config()));
}

http::Response details(Call& call) {
    // The last change of each key: the newest config.change row that set it.
    std::map<std::string, store::AuditRow> last_change;
    store::AuditFilter filter;
    filter.action = "config.change";
    filter.limit = 500;
    store::AuditStore log(call.store().statements());
    for (;;) {
        const auto rows = log.page(filter);
        for (const auto& row : rows) {
            const auto after = nlohmann::json::parse(row.after_json, nullptr, false);
            if (!after.is_object()) continue;
            for (const auto& [key, value] : after.items())
                last_change.try_emplace(key, row);
        }
        if (static_cast<int>(rows.size()) < filter.limit) break;
        filter.before_seq = rows.back().seq;
    }
    const nlohmann::json values = domain::to_json(call.config());
    const nlohmann::json defaults = domain::to_json(domain::TreeManagerConfig{});
    nlohmann::json items = nlohmann::json::array();
    for (const auto& [key, value] : values.items()) {
        nlohmann::json item = {{"key", key},
                               {"value", value},
                               {"default", defaults.value(key, nlohmann::json())},
                               {"last_change", nullptr}};
        if (const auto found = last_change.find(key); found != last_change.end()) {
            const auto row = domain::audit_row_json(found->second);
            item["last_change"] = {{"date", row["created_date"]},
                                   {"actor", row["actor"]},
                                   {"before", row["before"].value(key, nlohmann::json())},
                                   {"after", row["after"].value(key, nlohmann::json())}};
        }
        items.push_back(std::move(item));
    }
    return http::Response::json(200, {{"items", items}});
}

http::Response put(Call& call) {
    // Any request may name the user it acts for (PROTOCOL.md): that is not a setting.
    nlohmann::json body = call.body;
    body.erase("user");
    std::string error;
    const nlohmann::json before_all = domain::to_json(call.config());
    auto updated = domain::apply_config_changes(call.config(), body, error);
    if (!updated) throw domain::bad_input(error);
    // The values this call set, as they were and as they are.
    const nlohmann::json after_all = domain::to_json(*updated);
    nlohmann::json before = nlohmann::json::object();
    nlohmann::json after = nlohmann::json::object();
    for (const auto& [key, value] : body.items()) {
        before[key] = before_all.value(key, nlohmann::json());
        after[key] = after_all.value(key, nlohmann::json());
    }
    call.audit({"config.change", "config", "tree_manager", before, after});
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
