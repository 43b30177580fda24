#include "server/store/import_store.h"

#include "server/store/statement.h"

namespace orchard::store {

bool ImportStore::has_tree(const std::string& id) {
    return first_row(
               *statements_, "SELECT 1 FROM message_trees WHERE id = ?",
               [](const Statement&) { return true; }, id)
        .has_value();
}

bool ImportStore::has_message(const std::string& id) {
    return first_row(
               *statements_, "SELECT 1 FROM messages WHERE id = ?",
               [](const Statement&) { return true; }, id)
        .has_value();
}

void ImportStore::ensure_user(const std::string& id, std::int64_t now_ms) {
    Statement(*statements_,
              "INSERT INTO users (id, api_client_id, auth_method, external_id, "
              "display_name, created_ms) VALUES (?, NULL, 'import', ?, 'Imported contributor', ?) "
              "ON CONFLICT DO NOTHING")
        .bind_all(id, id, now_ms)
        .run();
}

} // namespace orchard::store
