#include "client/task_submission.h"

namespace orchard::client {

nlohmann::json interaction_body(const protocol::Task& task, const Draft& draft) {
    if (protocol::is_writing(task.type))
        return protocol::to_json(
            protocol::TextReply{draft.ack_id, draft.reply_id, draft.text, draft.lang});
    if (protocol::is_ranking(task.type))
        return protocol::to_json(protocol::MessageRanking{
            draft.ack_id, {draft.ranking.begin(), draft.ranking.end()}, draft.not_rankable});
    protocol::TextLabels labels;
    labels.task_id = task.id;
    labels.message_id = task.message_id;
    labels.labels = {draft.labels.begin(), draft.labels.end()};
    return protocol::to_json(labels);
}

} // namespace orchard::client
