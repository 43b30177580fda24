#include "client/task_submission.h"

namespace orchard::client {

nlohmann::json interaction_body(const protocol::Task& task, const Draft& draft) {
    using protocol::TaskType;
    if (protocol::is_writing(task.type))
        return {{"type", "text_reply_to_message"},
                {"message_id", draft.ack_id},
                {"user_message_id", draft.reply_id},
                {"text", draft.text},
                {"lang", draft.lang}};
    if (protocol::is_ranking(task.type))
        return {{"type", "message_ranking"},
                {"message_id", draft.ack_id},
                {"ranking", draft.ranking},
                {"not_rankable", draft.not_rankable}};
    return {{"type", "text_labels"},  {"message_id", task.message_id},
            {"task_id", task.id},     {"text", ""},
            {"labels", draft.labels}, {"is_report", false}};
}

} // namespace orchard::client
