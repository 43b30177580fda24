// Tasks handed to people: the only SQL for tasks and task_payloads.
#pragma once

#include "server/store/records.h"

#include <cstdint>
#include <optional>
#include <string>

namespace orchard::store {

class StatementCache;

class TaskStore {
  public:
    explicit TaskStore(StatementCache& statements) : statements_(&statements) {}

    // The task's state, and the task exactly as it was sent (kept apart: see migration 3).
    void insert_task(const TaskRecord& task, const std::string& payload_json);
    std::string task_payload(const std::string& task_id);
    std::optional<TaskRecord> find_task(const std::string& id);
    std::optional<TaskRecord>
    find_task_by_frontend_id(const std::optional<std::string>& api_client_id,
                             const std::string& frontend_message_id);
    void set_task_acked(const std::string& id, const std::string& frontend_message_id);
    void set_task_done(const std::string& id, const std::string& result_id);
    void set_task_skipped(const std::string& id, const std::string& reason);
    int count_open_tasks(const std::string& user_id, std::int64_t since_ms);

  private:
    StatementCache* statements_;
};

} // namespace orchard::store
