// The admin screens' answers (docs/moderation.md) as the client reads them: the tree manager's
// status, the configuration with its defaults and last changes, and the API clients.
#pragma once

#include "protocol/task.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::protocol {

struct TreeStateCount {
    std::string state, lang;
    long long trees = 0, messages = 0;
};

struct ActiveTree {
    std::string id, lang, state, created_date;
    long long goal_tree_size = 0, messages = 0;
};

// GET /moderation/status: trees per state and language, the growing ones, and the tasks a
// newcomer could be given in each working language.
struct TreeStatus {
    std::vector<TreeStateCount> counts;
    std::vector<ActiveTree> active;
    std::map<std::string, Availability> available; // language → task type → count
};

struct ConfigChange {
    std::string date, actor_name;
    std::string before, after; // the values as JSON text
};

// One setting of the tree manager: its value, its default, and who changed it last.
struct ConfigItem {
    std::string key;
    double value = 0;
    double default_value = 0;
    bool whole = true; // a whole number (the value and the default are)
    std::optional<ConfigChange> last_change;
};

struct ApiClientInfo {
    std::string id, description, frontend_type, admin_email, created_date;
    bool enabled = true, trusted = false;
    long long users = 0;
};

// A new or rotated key: shown once, never again.
struct IssuedApiKey {
    ApiClientInfo client;
    std::string api_key;
};

std::optional<TreeStatus> parse_tree_status(std::string_view body);
std::optional<std::vector<ConfigItem>> parse_config_details(std::string_view body);
std::optional<std::vector<ApiClientInfo>> parse_api_clients(std::string_view body);
std::optional<ApiClientInfo> parse_api_client(std::string_view body);
std::optional<IssuedApiKey> parse_issued_api_key(std::string_view body);

} // namespace orchard::protocol
