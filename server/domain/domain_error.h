// A request the domain refuses, with the PROTOCOL.md error code that says why. The API layer turns
// it into the HTTP status and error object (api/api_errors.h); the domain knows nothing of HTTP.
#pragma once

#include "protocol/errors.h"

#include <optional>
#include <stdexcept>
#include <string>

namespace orchard::domain {

struct DomainError : std::runtime_error {
    DomainError(protocol::ErrorCode error_code, const std::string& message)
        : std::runtime_error(message), code(error_code) {}
    protocol::ErrorCode code;
    std::optional<long> retry_after_sec; // for 429: when to try again (the Retry-After header)
    // The HTTP status when the code's usual one does not fit (code 0 is a server fault unless
    // this says it was bad input, 400, or a missing thing, 404).
    std::optional<int> http_status;
    // For 4001: the moderator's reason for the ban, also given as the error object's `reason`.
    std::optional<std::string> reason;
};

// Input that breaks a rule of its own field: 400 with error code 0, as the original answers
// validation errors.
inline DomainError bad_input(const std::string& message) {
    DomainError error(protocol::ErrorCode::Generic, message);
    error.http_status = 400;
    return error;
}

// A refusal no PROTOCOL.md code names (error code 0) with the HTTP status that says why, e.g.
// 409 for a name someone has already or 503 for a part of the server that is not set up.
inline DomainError refusal(int http_status, const std::string& message) {
    DomainError error(protocol::ErrorCode::Generic, message);
    error.http_status = http_status;
    return error;
}

} // namespace orchard::domain
