// API clients and the people they name (users): the only SQL for those tables but Orchard's own
// accounts (account_store.h).
#pragma once

#include "server/store/records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace orchard::store {

class StatementCache;

struct ApiClientListing {
    ApiClientRecord client;
    std::optional<std::string> admin_email;
    std::int64_t created_ms = 0;
    std::int64_t users = 0; // people it has named
};

class UserStore {
  public:
    explicit UserStore(StatementCache& statements) : statements_(&statements) {}

    void insert_api_client(const ApiClientRecord& client, const std::string& key_hash);
    std::optional<ApiClientRecord> find_api_client_by_key_hash(const std::string& key_hash);
    std::optional<UserRecord> find_frontend_user(const std::optional<std::string>& api_client_id,
                                                 const std::string& auth_method,
                                                 const std::string& external_id);
    void insert_user(const UserRecord& user, std::int64_t now_ms);

    // API clients for admins (docs/moderation.md): newest first, with how many people each named.
    std::vector<ApiClientListing> api_clients();
    std::optional<ApiClientListing> find_api_client(const std::string& id);
    void update_api_client(const ApiClientRecord& client);
    void set_api_client_key_hash(const std::string& id, const std::string& key_hash);
    void update_display_name(const std::string& user_id, const std::string& display_name);

  private:
    StatementCache* statements_;
};

} // namespace orchard::store
