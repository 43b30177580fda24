#include "server/store/config_store.h"

#include "server/store/statement.h"
#include "server/store/store_rows.h"

namespace orchard::store {

using namespace rows;

std::map<std::string, std::string> ConfigStore::load_config() {
    Statement s(*statements_, "SELECT key, value FROM config");
    std::map<std::string, std::string> values;
    while (s.step())
        values[s.column_text(0)] = s.column_text(1);
    return values;
}

void ConfigStore::save_config(const std::string& key, const std::string& json_value) {
    Statement(*statements_, "INSERT INTO config (key, value) VALUES (?, ?) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind_all(key, json_value)
        .run();
}

} // namespace orchard::store
