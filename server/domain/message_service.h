// Messages outside tasks (PROTOCOL.md §3): reading, moderation (halt, delete, undelete, edit
// with history), emoji reactions (red flags go to domain/flag_moderation.h), free labels and
// reports.
#pragma once

#include "server/domain/config.h"
#include "server/domain/task_service.h"
#include "server/store/tree_store.h"

#include <nlohmann/json.hpp>

namespace orchard::domain {

class MessageService {
  public:
    MessageService(store::TreeStore& store, const TreeManagerConfig& config, std::int64_t now_ms)
        : store_(store), config_(config), now_ms_(now_ms) {}

    // Throws DomainError 2001 when there is no such message. Without `include_deleted` a
    // deleted message is answered exactly as one that never existed, so that nobody but a
    // moderator learns it was there.
    store::MessageRecord get(const std::string& id, bool include_deleted = true);
    store::MessageRecord get_by_frontend_id(const std::optional<std::string>& api_client_id,
                                            const std::string& frontend_message_id,
                                            bool include_deleted = true);
    // The message as `viewer` sees it (emoji counts, user_is_author).
    nlohmann::json to_json(const store::MessageRecord& message, const std::string& viewer_id,
                           bool moderator);
    nlohmann::json tree_state_json(const std::string& tree_id);

    void set_halted(const std::string& message_id, bool halted);
    // Both are a moderator's decision on the message's red flags, if it has any
    // (docs/flag-moderation.md); `moderator_id` is recorded with it.
    void delete_message(const std::string& message_id,
                        const std::optional<std::string>& moderator_id = std::nullopt);
    void undelete_message(const std::string& message_id,
                          const std::optional<std::string>& moderator_id = std::nullopt);
    void edit(const std::string& message_id, const std::string& new_text,
              const std::string& editor_id);
    // Every text the message had, oldest first (empty when never edited).
    nlohmann::json history(const std::string& message_id);
    // Full-text search, newest first, as a keyset page {prev, next, sort_key, items, order}.
    nlohmann::json search(const std::string& query, int max_count,
                          const std::optional<std::string>& before, const std::string& viewer_id,
                          bool moderator);
    // op: "toggle", "add" or "remove"; returns the message as the user now sees it.
    nlohmann::json react(const Caller& caller, const std::string& message_id, const std::string& op,
                         const std::string& emoji);
    void free_labels(const Caller& caller, const protocol::TextLabels& labels,
                     bool include_deleted);

  private:
    void delete_subtree(const store::MessageRecord& message);

    store::TreeStore& store_;
    const TreeManagerConfig& config_;
    std::int64_t now_ms_;
};

} // namespace orchard::domain
