#include "client/client_error.h"

namespace orchard::client {

ClientError error_from_result(int http_status, const std::string& body, bool body_unreadable) {
    ClientError error;
    error.http_status = http_status;
    if (http_status == 0) {
        error.kind = ClientError::Kind::Network;
    } else if (body_unreadable) {
        error.kind = ClientError::Kind::BadResponse;
    } else {
        error.kind = ClientError::Kind::Api;
        error.api = protocol::parse_api_error(body);
    }
    return error;
}

bool has_code(const ClientError& error, protocol::ErrorCode code) {
    return error.api && error.api->error_code == static_cast<int>(code);
}

namespace {

// The PROTOCOL.md error codes a contributor can meet, as what happened and what to do next.
// Codes not listed fall back to the server's own message.
const char* sentence_for(int code) {
    using protocol::ErrorCode;
    switch (static_cast<ErrorCode>(code)) {
    case ErrorCode::TooManyRequests:
        return "You are going faster than Orchard allows. Take a short break and try again in a "
               "minute.";
    case ErrorCode::InvalidAuthentication:
        return "Your session has ended. Please sign in again; your unsent work is kept.";
    case ErrorCode::TaskTypeNotAvailable:
        return "No task of this kind is waiting for you right now. Pick another kind, or come "
               "back later.";
    case ErrorCode::MessageTooLong:
        return "The text is longer than the server takes. Shorten it, then submit again.";
    case ErrorCode::MessageDuplicated:
        return "You sent exactly this text a short while ago. Write something new for this "
               "task, or skip it.";
    case ErrorCode::MessageTextEmpty:
        return "The text is empty. Write something first.";
    case ErrorCode::DuplicateReply:
        return "You have already replied to this message. Skip this task to get another one.";
    case ErrorCode::TooManyPendingTasks:
        return "You have many unfinished tasks open. Finish or skip one of them, then try again.";
    case ErrorCode::TreeInAbortedState:
        return "This conversation was closed while you worked on it. Skip to get another task.";
    case ErrorCode::MandatoryLabelMissing:
        return "A required question is not answered yet. Answer the questions marked required.";
    case ErrorCode::NoSelfLabelingOrDuplicateTaskReply:
        return "This task can't be done by you (your own message, or already done). Skip to get "
               "another one.";
    case ErrorCode::TaskNotFound:
    case ErrorCode::TaskExpired:
        return "This task has expired. Your text is still here: copy it if you want to keep it, "
               "then skip to get a new task.";
    case ErrorCode::TaskAlreadyDone:
        return "This task was already submitted. Get the next one.";
    case ErrorCode::TaskNotAssignedToUser:
        return "This task belongs to another account. Skip to get one of your own.";
    case ErrorCode::UserDisabled:
        return "This account is disabled. Contact the people running this Orchard.";
    case ErrorCode::TermsNotAccepted:
        return "Please accept the contributor terms first.";
    default:
        return nullptr;
    }
}

} // namespace

std::string describe(const ClientError& error) {
    switch (error.kind) {
    case ClientError::Kind::Network:
        return "Orchard's server can't be reached. Check your connection; we keep trying.";
    case ClientError::Kind::BadResponse:
        return "The server sent an answer we could not read. Reload the page to get the "
               "latest version of Orchard.";
    case ClientError::Kind::Api:
        if (error.api) {
            if (const char* sentence = sentence_for(error.api->error_code)) return sentence;
            if (!error.api->message.empty()) return error.api->message;
        }
        if (error.http_status >= 500)
            return "The server ran into a problem. Please try again in a moment.";
        return "The server refused the request (HTTP " + std::to_string(error.http_status) + ").";
    }
    return "Something went wrong.";
}

} // namespace orchard::client
