#include "server/store/task_store.h"

#include "server/store/statement.h"
#include "server/store/store_rows.h"

namespace orchard::store {

using namespace rows;

void TaskStore::insert_task(const TaskRecord& t, const std::string& payload_json) {
    Statement(*statements_, "INSERT INTO tasks (id, type, user_id, api_client_id, lang, "
                            "message_tree_id, parent_message_id, frontend_message_id, collective, "
                            "created_ms, expiry_ms, acked, done, skipped, result_id) VALUES "
                            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(t.id, t.type, t.user_id, t.api_client_id, t.lang, t.tree_id, t.parent_message_id,
                  t.frontend_message_id, t.collective, t.created_ms, t.expiry_ms, t.acked, t.done,
                  t.skipped, t.result_id)
        .run();
    Statement(*statements_, "INSERT INTO task_payloads (task_id, payload) VALUES (?, ?)")
        .bind_all(t.id, payload_json)
        .run();
}

std::string TaskStore::task_payload(const std::string& task_id) {
    return first_row(
               *statements_, "SELECT payload FROM task_payloads WHERE task_id = ?",
               [](const Statement& row) { return row.column_text(0); }, task_id)
        .value_or("{}");
}

std::optional<TaskRecord> TaskStore::find_task(const std::string& id) {
    return first_row(*statements_, sql("SELECT ", kTaskColumns, " FROM tasks WHERE id = ?"),
                     read_task, id);
}

std::optional<TaskRecord>
TaskStore::find_task_by_frontend_id(const std::optional<std::string>& api_client_id,
                                    const std::string& frontend_message_id) {
    return first_row(
        *statements_,
        sql("SELECT ", kTaskColumns,
            " FROM tasks WHERE api_client_id IS NOT DISTINCT FROM ? AND frontend_message_id = ?"),
        read_task, api_client_id, frontend_message_id);
}

void TaskStore::set_task_acked(const std::string& id, const std::string& frontend_message_id) {
    Statement(*statements_, "UPDATE tasks SET acked = 1, frontend_message_id = ? WHERE id = ?")
        .bind_all(frontend_message_id, id)
        .run();
}

void TaskStore::set_task_done(const std::string& id, const std::string& result_id) {
    Statement(*statements_, "UPDATE tasks SET done = 1, result_id = ? WHERE id = ?")
        .bind_all(result_id, id)
        .run();
}

void TaskStore::set_task_skipped(const std::string& id, const std::string& reason) {
    Statement(*statements_, "UPDATE tasks SET skipped = 1, skip_reason = ? WHERE id = ?")
        .bind_all(reason, id)
        .run();
}

int TaskStore::count_open_tasks(const std::string& user_id, std::int64_t since_ms) {
    Statement s(*statements_,
                "SELECT count(*) FROM tasks WHERE user_id = ? AND created_ms >= ? AND "
                "done = 0 AND skipped = 0");
    s.bind_all(user_id, since_ms);
    return count(s);
}

} // namespace orchard::store
