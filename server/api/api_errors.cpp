#include "server/api/api_errors.h"

namespace orchard::api {

using protocol::ErrorCode;

int http_status_for(ErrorCode code) {
    switch (code) {
    case ErrorCode::ApiClientNotAuthorized:
    case ErrorCode::RootTokenNotAuthorized:
        return 403;
    case ErrorCode::InvalidAuthentication:
        return 401;
    case ErrorCode::TooManyRequests:
        return 429;
    case ErrorCode::TaskTypeNotAvailable:
    case ErrorCode::UserDisabled:
        return 503;
    case ErrorCode::TermsNotAccepted:
        return 451;
    case ErrorCode::MessageNotFound:
    case ErrorCode::TaskNotFound:
    case ErrorCode::UserNotFound:
    case ErrorCode::NoMessageTreeFound:
        return 404;
    case ErrorCode::Generic:
        return 500;
    default:
        return 400;
    }
}

http::Response error_response(const domain::DomainError& error) {
    auto response = http::Response::error(error.http_status.value_or(http_status_for(error.code)),
                                          static_cast<int>(error.code), error.what());
    if (error.reason) {
        auto body = nlohmann::json::parse(response.body, nullptr, false);
        if (body.is_object()) {
            body["reason"] = *error.reason;
            response.body = body.dump();
        }
    }
    if (error.retry_after_sec)
        response.set_header("Retry-After", std::to_string(*error.retry_after_sec));
    return response;
}

} // namespace orchard::api
