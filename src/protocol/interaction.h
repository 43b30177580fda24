// The interactions of PROTOCOL.md §2 (POST /api/v1/tasks/interaction): how a frontend answers a
// task. The client builds them with to_json; the server reads a request body once, with
// parse_interaction, and works on these types from there on (a wrong type in any field is refused
// there, with 400 naming it, before a task is looked up).
#pragma once

#include "protocol/fields.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

namespace orchard::protocol {

// "text_reply_to_message": the text written for a writing task.
struct TextReply {
    std::string message_id;      // the frontend's id of the task (its ack)
    std::string user_message_id; // the frontend's id of the new message
    std::string text;
    std::string lang; // empty: the task's language
};

// "message_ranking": the replies' indices from best to worst, or not_rankable.
struct MessageRanking {
    std::string message_id; // the frontend's id of the task
    std::vector<std::int64_t> ranking;
    bool not_rankable = false;
};

// "text_labels": the values of a label task, or free labels on any message.
struct TextLabels {
    std::string task_id;    // empty for free labels
    std::string message_id; // the labeled message
    std::map<std::string, double> labels;
    std::string text; // a comment
    bool is_report = false;
};

// "message_rating": the legacy rating of a message (before label tasks existed).
struct MessageRating {
    std::string message_id; // the frontend's id of the message
    double rating = 0;
};

using Interaction = std::variant<TextReply, MessageRanking, TextLabels, MessageRating>;

nlohmann::json to_json(const Interaction& interaction);

// What a request body holds, or why it is refused.
template <typename T> using Parsed = std::variant<T, FieldProblem>;

// The interaction a request body sends, or why it is refused: an unknown type (1000), labels that
// are not an object of numbers (2051), a rating that is not a number (2003), or a field of another
// type than its own (400).
Parsed<Interaction> parse_interaction(const nlohmann::json& body);

// A text_labels body without its type: also the body of POST /api/v1/text_labels (free labels).
Parsed<TextLabels> parse_text_labels(const nlohmann::json& body);

// POST /api/v1/tasks/{id}/ack: the frontend's id for the task.
struct TaskAck {
    std::string message_id;
};
// POST /api/v1/tasks/{id}/nack: why the person skipped it.
struct TaskNack {
    std::string reason;
};
// POST /api/v1/messages/{id}/emoji: "add", "remove" or "toggle" an emoji code.
struct EmojiReaction {
    std::string op = "toggle";
    std::string emoji;
};

nlohmann::json to_json(const TaskAck& ack);
nlohmann::json to_json(const TaskNack& nack);
nlohmann::json to_json(const EmojiReaction& reaction);
Parsed<TaskAck> parse_task_ack(const nlohmann::json& body);
Parsed<TaskNack> parse_task_nack(const nlohmann::json& body);
Parsed<EmojiReaction> parse_emoji_reaction(const nlohmann::json& body);

} // namespace orchard::protocol
