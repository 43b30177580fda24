// The news feed's rows. The only SQL for the news table; what goes in is domain/rewards.h's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace orchard::store {

class StatementCache;

struct NewsRow {
    std::int64_t id = 0;
    std::string kind;
    std::optional<std::string> user_id;
    std::string display_name; // of user_id, as it is now ("" when there is none)
    std::optional<std::string> message_id;
    std::string data_json = "{}";
    std::int64_t created_ms = 0;
};

class NewsStore {
  public:
    explicit NewsStore(StatementCache& statements) : statements_(statements) {}

    std::int64_t insert(const std::string& kind, const std::optional<std::string>& user_id,
                        const std::optional<std::string>& message_id, const std::string& data_json,
                        std::int64_t created_ms);
    // The newest `limit` items with an id above `after_id`, newest first.
    std::vector<NewsRow> newest(std::int64_t after_id, int limit);
    // Items with an id above `after_id`, oldest first (the webhook delivers them in order).
    std::vector<NewsRow> oldest_after(std::int64_t after_id, int limit);
    std::int64_t newest_id();

  private:
    StatementCache& statements_;
};

} // namespace orchard::store
