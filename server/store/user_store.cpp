#include "server/store/user_store.h"

#include "server/store/ledger_store.h"
#include "server/store/statement.h"
#include "server/store/store_rows.h"

#include <chrono>

namespace orchard::store {

using namespace rows;

void UserStore::insert_api_client(const ApiClientRecord& client, const std::string& key_hash) {
    Statement(*statements_, "INSERT INTO api_clients (id, key_hash, description, enabled, trusted, "
                            "frontend_type, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind_all(client.id, key_hash, client.description, client.enabled, client.trusted,
                  client.frontend_type,
                  std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count())
        .run();
}

namespace {

constexpr const char* kListingSelect =
    "SELECT c.id, c.description, c.enabled, c.trusted, c.frontend_type, c.admin_email, "
    "c.created_ms, (SELECT count(*) FROM users u WHERE u.api_client_id = c.id) FROM api_clients c ";

ApiClientListing read_listing(const Statement& row) {
    return {ApiClientRecord{row.column_text(0), row.column_text(1), row.column_int(2) != 0,
                            row.column_int(3) != 0, row.column_optional_text(4)},
            row.column_optional_text(5), row.column_int(6), row.column_int(7)};
}

} // namespace

std::vector<ApiClientListing> UserStore::api_clients() {
    Statement s(*statements_, std::string(kListingSelect) + "ORDER BY c.created_ms DESC, c.id");
    std::vector<ApiClientListing> clients;
    while (s.step())
        clients.push_back(read_listing(s));
    return clients;
}

std::optional<ApiClientListing> UserStore::find_api_client(const std::string& id) {
    return first_row(*statements_, std::string(kListingSelect) + "WHERE c.id = ?", read_listing,
                     id);
}

void UserStore::update_api_client(const ApiClientRecord& client) {
    Statement(*statements_, "UPDATE api_clients SET description = ?, enabled = ?, trusted = ?, "
                            "frontend_type = ? WHERE id = ?")
        .bind_all(client.description, client.enabled, client.trusted, client.frontend_type,
                  client.id)
        .run();
}

void UserStore::set_api_client_key_hash(const std::string& id, const std::string& key_hash) {
    Statement(*statements_, "UPDATE api_clients SET key_hash = ? WHERE id = ?")
        .bind_all(key_hash, id)
        .run();
}

std::optional<ApiClientRecord> UserStore::find_api_client_by_key_hash(const std::string& key_hash) {
    auto read = [](const Statement& row) {
        return ApiClientRecord{row.column_text(0), row.column_text(1), row.column_int(2) != 0,
                               row.column_int(3) != 0, row.column_optional_text(4)};
    };
    return first_row(*statements_,
                     "SELECT id, description, enabled, trusted, frontend_type FROM api_clients "
                     "WHERE key_hash = ?",
                     read, key_hash);
}

std::optional<UserRecord>
UserStore::find_frontend_user(const std::optional<std::string>& api_client_id,
                              const std::string& auth_method, const std::string& external_id) {
    return first_row(*statements_,
                     "SELECT id, api_client_id, auth_method, external_id, display_name, enabled, "
                     "deleted, disabled_reason FROM users WHERE api_client_id IS NOT DISTINCT FROM "
                     "? AND auth_method = ? AND "
                     "external_id = ?",
                     read_user, api_client_id, auth_method, external_id);
}

void UserStore::insert_user(const UserRecord& user, std::int64_t now_ms) {
    Statement(*statements_,
              "INSERT INTO users (id, api_client_id, auth_method, external_id, display_name, "
              "enabled, deleted, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(user.id, user.api_client_id, user.auth_method, user.external_id,
                  user.display_name, user.enabled, user.deleted, now_ms)
        .run();
}

void UserStore::update_display_name(const std::string& user_id, const std::string& display_name) {
    Statement(*statements_, "UPDATE users SET display_name = ? WHERE id = ?")
        .bind_all(display_name, user_id)
        .run();
    LedgerStore(*statements_).touch_boards(); // leaderboards show the name
}

} // namespace orchard::store
