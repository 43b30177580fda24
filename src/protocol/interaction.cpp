#include "protocol/interaction.h"

namespace orchard::protocol {

nlohmann::json to_json(const Interaction& interaction) {
    if (const auto* reply = std::get_if<TextReply>(&interaction))
        return {{"type", "text_reply_to_message"},
                {"message_id", reply->message_id},
                {"user_message_id", reply->user_message_id},
                {"text", reply->text},
                {"lang", reply->lang}};
    if (const auto* ranking = std::get_if<MessageRanking>(&interaction))
        return {{"type", "message_ranking"},
                {"message_id", ranking->message_id},
                {"ranking", ranking->ranking},
                {"not_rankable", ranking->not_rankable}};
    if (const auto* labels = std::get_if<TextLabels>(&interaction))
        return {{"type", "text_labels"},      {"message_id", labels->message_id},
                {"task_id", labels->task_id}, {"text", labels->text},
                {"labels", labels->labels},   {"is_report", labels->is_report}};
    const auto& rating = std::get<MessageRating>(interaction);
    return {
        {"type", "message_rating"}, {"message_id", rating.message_id}, {"rating", rating.rating}};
}

namespace {

// The "labels" object: names to numbers.
std::map<std::string, double> read_label_values(const Fields& fields) {
    std::map<std::string, double> values;
    const auto* labels = fields.object("labels");
    if (fields.problem()) return values;
    if (!labels) {
        fields.refuse(ErrorCode::InvalidLabel, "labels must be an object of label values.");
        return values;
    }
    for (const auto& [name, value] : labels->items()) {
        if (!value.is_number()) {
            fields.refuse(ErrorCode::InvalidLabel, "Label '" + name + "' must be a number.");
            return {};
        }
        values[name] = value.get<double>();
    }
    return values;
}

TextLabels read_text_labels(const Fields& fields) {
    TextLabels labels;
    labels.task_id = fields.string_or("task_id");
    labels.message_id = fields.string_or("message_id");
    labels.text = fields.string_or("text");
    labels.is_report = fields.bool_or("is_report", false);
    labels.labels = read_label_values(fields);
    return labels;
}

} // namespace

Parsed<TextLabels> parse_text_labels(const nlohmann::json& body) {
    const Fields fields(body);
    TextLabels labels = read_text_labels(fields);
    if (fields.problem()) return *fields.problem();
    return labels;
}

Parsed<Interaction> parse_interaction(const nlohmann::json& body) {
    if (!body.is_object())
        return FieldProblem{ErrorCode::InvalidRequestType, "An interaction must be a JSON object."};
    const Fields fields(body);
    const std::string type = fields.string_or("type");
    Interaction interaction;
    if (type == "text_reply_to_message") {
        interaction = TextReply{fields.string_or("message_id"), fields.string_or("user_message_id"),
                                fields.string_or("text"), fields.string_or("lang")};
    } else if (type == "message_ranking") {
        interaction = MessageRanking{fields.string_or("message_id"), fields.int_array("ranking"),
                                     fields.bool_or("not_rankable", false)};
    } else if (type == "text_labels") {
        interaction = read_text_labels(fields);
    } else if (type == "message_rating") {
        MessageRating rating;
        rating.message_id = fields.string_or("message_id");
        const auto value = body.find("rating");
        if (value == body.end() || !value->is_number())
            fields.refuse(ErrorCode::InvalidRankingValue, "rating must be a number.");
        else
            rating.rating = value->get<double>();
        interaction = rating;
    } else if (!fields.problem()) {
        fields.refuse(ErrorCode::InvalidRequestType, "Unknown interaction type '" + type + "'.");
    }
    if (fields.problem()) return *fields.problem();
    return interaction;
}

nlohmann::json to_json(const TaskAck& ack) {
    return {{"message_id", ack.message_id}};
}

nlohmann::json to_json(const TaskNack& nack) {
    return {{"reason", nack.reason}};
}

nlohmann::json to_json(const EmojiReaction& reaction) {
    return {{"op", reaction.op}, {"emoji", reaction.emoji}};
}

Parsed<TaskAck> parse_task_ack(const nlohmann::json& body) {
    const Fields fields(body);
    TaskAck ack{fields.string_or("message_id")};
    if (fields.problem()) return *fields.problem();
    return ack;
}

Parsed<TaskNack> parse_task_nack(const nlohmann::json& body) {
    const Fields fields(body);
    TaskNack nack{fields.string_or("reason")};
    if (fields.problem()) return *fields.problem();
    return nack;
}

Parsed<EmojiReaction> parse_emoji_reaction(const nlohmann::json& body) {
    const Fields fields(body);
    EmojiReaction reaction{fields.string_or("op", "toggle"), fields.string_or("emoji")};
    if (fields.problem()) return *fields.problem();
    return reaction;
}

} // namespace orchard::protocol
