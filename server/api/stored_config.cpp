#include "server/api/stored_config.h"

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace orchard::api {

domain::TreeManagerConfig load_config(store::TreeStore& store) {
    // Every request needs the configuration and it rarely changes: the rows are read each time
    // (so a change is seen at once) but parsed only when they differ from the last ones.
    static std::mutex cache_mutex;
    static std::optional<std::pair<std::map<std::string, std::string>, domain::TreeManagerConfig>>
        cache;
    auto rows = store.load_config();
    std::lock_guard lock(cache_mutex);
    if (cache && cache->first == rows) return cache->second;
    auto config = domain::config_from_rows(rows);
    cache.emplace(std::move(rows), config);
    return config;
}

} // namespace orchard::api
