#include "server/domain/interaction_fields.h"

#include "server/domain/label_input.h"
#include "server/domain/request_fields.h"

namespace orchard::domain {

void check_interaction_types(const nlohmann::json& body, const std::string& type) {
    const RequestFields fields(body);
    // Reading a field checks its type; the values are read again where they are used.
    if (type == "text_reply_to_message") {
        fields.string_or("message_id");
        fields.string_or("user_message_id");
        fields.string_or("text");
        fields.string_or("lang");
    } else if (type == "message_ranking") {
        fields.string_or("message_id");
        fields.int_array("ranking");
        fields.bool_or("not_rankable", false);
    } else if (type == "text_labels") {
        fields.string_or("task_id");
        fields.string_or("message_id");
        fields.string_or("text");
        fields.bool_or("is_report", false);
        check_label_types(body);
    } else if (type == "message_rating") {
        fields.string_or("message_id");
        fields.number("rating");
    }
}

} // namespace orchard::domain
