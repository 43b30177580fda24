// The error object of PROTOCOL.md §1: every refused request answers with
// {"error_code": <int>, "message": "<text>"} and an HTTP status. The numbers are the contract.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace orchard::protocol {

enum class ErrorCode : int {
    Generic = 0,
    ApiClientNotAuthorized = 2,
    RootTokenNotAuthorized = 3,
    SortKeyUnsupported = 100,
    InvalidCursor = 101,
    TooManyRequests = 429,
    InvalidAuthentication = 600,
    InvalidRequestType = 1000,
    AckFailed = 1001,
    NackFailed = 1002,
    InteractionFailed = 1004,
    TaskGenerationFailed = 1005,
    TaskTypeNotAvailable = 1006,
    MessageTooLong = 1008,
    MessageDuplicated = 1009,
    MessageTextEmpty = 1010,
    DuplicateReply = 1011,
    TooManyPendingTasks = 1012,
    InvalidFrontendMessageId = 2000,
    MessageNotFound = 2001,
    InvalidRankingValue = 2003,
    InvalidTaskType = 2004,
    NoMessageTreeFound = 2006,
    InvalidMessage = 2008,
    BrokenConversation = 2009,
    TreeInAbortedState = 2010,
    CorruptRankingResult = 2011,
    TextLabelsWrongMessageId = 2050,
    InvalidLabel = 2051,
    MandatoryLabelMissing = 2052,
    NoSelfLabelingOrDuplicateTaskReply = 2053,
    TaskNotFound = 2100,
    TaskExpired = 2101,
    PayloadTypeMismatch = 2102,
    TaskAlreadyUpdated = 2103,
    TaskNotAcknowledged = 2104,
    TaskAlreadyDone = 2105,
    TaskNotAssignedToUser = 2106,
    UserNotSpecified = 4000,
    UserDisabled = 4001,
    UserNotFound = 4002,
    TermsNotAccepted = 4003,
    EmojiOpUnsupported = 5000,
};

// Every code above, for code that must cover them all (the client's sentence for each).
inline constexpr ErrorCode kAllErrorCodes[] = {ErrorCode::Generic,
                                               ErrorCode::ApiClientNotAuthorized,
                                               ErrorCode::RootTokenNotAuthorized,
                                               ErrorCode::SortKeyUnsupported,
                                               ErrorCode::InvalidCursor,
                                               ErrorCode::TooManyRequests,
                                               ErrorCode::InvalidAuthentication,
                                               ErrorCode::InvalidRequestType,
                                               ErrorCode::AckFailed,
                                               ErrorCode::NackFailed,
                                               ErrorCode::InteractionFailed,
                                               ErrorCode::TaskGenerationFailed,
                                               ErrorCode::TaskTypeNotAvailable,
                                               ErrorCode::MessageTooLong,
                                               ErrorCode::MessageDuplicated,
                                               ErrorCode::MessageTextEmpty,
                                               ErrorCode::DuplicateReply,
                                               ErrorCode::TooManyPendingTasks,
                                               ErrorCode::InvalidFrontendMessageId,
                                               ErrorCode::MessageNotFound,
                                               ErrorCode::InvalidRankingValue,
                                               ErrorCode::InvalidTaskType,
                                               ErrorCode::NoMessageTreeFound,
                                               ErrorCode::InvalidMessage,
                                               ErrorCode::BrokenConversation,
                                               ErrorCode::TreeInAbortedState,
                                               ErrorCode::CorruptRankingResult,
                                               ErrorCode::TextLabelsWrongMessageId,
                                               ErrorCode::InvalidLabel,
                                               ErrorCode::MandatoryLabelMissing,
                                               ErrorCode::NoSelfLabelingOrDuplicateTaskReply,
                                               ErrorCode::TaskNotFound,
                                               ErrorCode::TaskExpired,
                                               ErrorCode::PayloadTypeMismatch,
                                               ErrorCode::TaskAlreadyUpdated,
                                               ErrorCode::TaskNotAcknowledged,
                                               ErrorCode::TaskAlreadyDone,
                                               ErrorCode::TaskNotAssignedToUser,
                                               ErrorCode::UserNotSpecified,
                                               ErrorCode::UserDisabled,
                                               ErrorCode::UserNotFound,
                                               ErrorCode::TermsNotAccepted,
                                               ErrorCode::EmojiOpUnsupported};

struct ApiError {
    int error_code = 0;
    std::string message;
};

nlohmann::json to_json(const ApiError& error);
// nullopt unless the body is exactly an error object (an integer code and a text message).
std::optional<ApiError> parse_api_error(std::string_view body);

} // namespace orchard::protocol
