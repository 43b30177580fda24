// Run-time configuration as stored (JSON values by key): the only SQL for the config table.
#pragma once

#include <map>
#include <string>

namespace orchard::store {

class StatementCache;

class ConfigStore {
  public:
    explicit ConfigStore(StatementCache& statements) : statements_(&statements) {}

    std::map<std::string, std::string> load_config();
    void save_config(const std::string& key, const std::string& json_value);

  private:
    StatementCache* statements_;
};

} // namespace orchard::store
