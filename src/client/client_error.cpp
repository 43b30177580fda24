#include "client/client_error.h"

#include "i18n/translator.h"

#include <algorithm>
#include <iterator>

namespace orchard::client {

using i18n::tr;

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

const char* sentence_key(protocol::ErrorCode code) {
    using protocol::ErrorCode;
    switch (code) {
    case ErrorCode::Generic:
        return "errors.generic";
    case ErrorCode::ApiClientNotAuthorized:
        return "errors.api_client_not_authorized";
    case ErrorCode::RootTokenNotAuthorized:
        return "errors.root_token_not_authorized";
    case ErrorCode::SortKeyUnsupported:
        return "errors.sort_key_unsupported";
    case ErrorCode::InvalidCursor:
        return "errors.invalid_cursor";
    case ErrorCode::TooManyRequests:
        return "errors.too_many_requests";
    case ErrorCode::InvalidAuthentication:
        return "errors.invalid_authentication";
    case ErrorCode::InvalidRequestType:
        return "errors.invalid_request_type";
    case ErrorCode::AckFailed:
        return "errors.ack_failed";
    case ErrorCode::NackFailed:
        return "errors.nack_failed";
    case ErrorCode::InteractionFailed:
        return "errors.interaction_failed";
    case ErrorCode::TaskGenerationFailed:
        return "errors.task_generation_failed";
    case ErrorCode::TaskTypeNotAvailable:
        return "errors.task_type_not_available";
    case ErrorCode::MessageTooLong:
        return "errors.message_too_long";
    case ErrorCode::MessageDuplicated:
        return "errors.message_duplicated";
    case ErrorCode::MessageTextEmpty:
        return "errors.message_text_empty";
    case ErrorCode::DuplicateReply:
        return "errors.duplicate_reply";
    case ErrorCode::TooManyPendingTasks:
        return "errors.too_many_pending_tasks";
    case ErrorCode::InvalidFrontendMessageId:
        return "errors.invalid_frontend_message_id";
    case ErrorCode::MessageNotFound:
        return "errors.message_not_found";
    case ErrorCode::InvalidRankingValue:
        return "errors.invalid_ranking_value";
    case ErrorCode::InvalidTaskType:
        return "errors.invalid_task_type";
    case ErrorCode::NoMessageTreeFound:
        return "errors.no_message_tree_found";
    case ErrorCode::InvalidMessage:
        return "errors.invalid_message";
    case ErrorCode::BrokenConversation:
        return "errors.broken_conversation";
    case ErrorCode::TreeInAbortedState:
        return "errors.tree_in_aborted_state";
    case ErrorCode::CorruptRankingResult:
        return "errors.corrupt_ranking_result";
    case ErrorCode::TextLabelsWrongMessageId:
        return "errors.text_labels_wrong_message_id";
    case ErrorCode::InvalidLabel:
        return "errors.invalid_label";
    case ErrorCode::MandatoryLabelMissing:
        return "errors.mandatory_label_missing";
    case ErrorCode::NoSelfLabelingOrDuplicateTaskReply:
        return "errors.no_self_labeling_or_duplicate_task_reply";
    case ErrorCode::TaskNotFound:
        return "errors.task_not_found";
    case ErrorCode::TaskExpired:
        return "errors.task_expired";
    case ErrorCode::PayloadTypeMismatch:
        return "errors.payload_type_mismatch";
    case ErrorCode::TaskAlreadyUpdated:
        return "errors.task_already_updated";
    case ErrorCode::TaskNotAcknowledged:
        return "errors.task_not_acknowledged";
    case ErrorCode::TaskAlreadyDone:
        return "errors.task_already_done";
    case ErrorCode::TaskNotAssignedToUser:
        return "errors.task_not_assigned_to_user";
    case ErrorCode::UserNotSpecified:
        return "errors.user_not_specified";
    case ErrorCode::UserDisabled:
        return "errors.user_disabled";
    case ErrorCode::UserNotFound:
        return "errors.user_not_found";
    case ErrorCode::TermsNotAccepted:
        return "errors.terms_not_accepted";
    case ErrorCode::EmojiOpUnsupported:
        return "errors.emoji_op_unsupported";
    }
    return "errors.generic";
}

std::string describe(const ClientError& error) {
    switch (error.kind) {
    case ClientError::Kind::Network:
        return tr("errors.network");
    case ClientError::Kind::BadResponse:
        return tr("errors.bad_response");
    case ClientError::Kind::Api:
        if (error.api) {
            const auto code = static_cast<protocol::ErrorCode>(error.api->error_code);
            const bool known =
                std::find(std::begin(protocol::kAllErrorCodes), std::end(protocol::kAllErrorCodes),
                          code) != std::end(protocol::kAllErrorCodes);
            // The generic code's sentence is the server's own words (in English), since only
            // they say what was wrong; every other code is worded here, in the person's language.
            if (known && (code != protocol::ErrorCode::Generic || !error.api->message.empty()))
                return tr(sentence_key(code), {{"detail", error.api->message}});
            // A code newer than this client: the server's words are all there is.
            if (!known && !error.api->message.empty()) return error.api->message;
        }
        if (error.http_status >= 500) return tr("errors.server_problem");
        return tr("errors.refused", {{"status", std::to_string(error.http_status)}});
    }
    return tr("errors.something_went_wrong");
}

} // namespace orchard::client
