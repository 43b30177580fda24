// What went wrong with one API call, and how to say it to a person.
#pragma once

#include "protocol/errors.h"

#include <optional>
#include <string>

namespace orchard::client {

struct ClientError {
    enum class Kind { Network, Api, BadResponse };
    Kind kind = Kind::Network;
    int http_status = 0;
    std::optional<protocol::ApiError> api; // the server's error object, when it sent one
};

// Builds the error for a finished request that did not succeed (status 0 or not 2xx),
// or whose 2xx body could not be understood.
ClientError error_from_result(int http_status, const std::string& body, bool body_unreadable);

// True when the server answered with the PROTOCOL.md error `code`.
bool has_code(const ClientError& error, protocol::ErrorCode code);

// The catalog key (locales/en/errors.json) of the sentence for `code`.
const char* sentence_key(protocol::ErrorCode code);

// A sentence for the person using the client: what happened and what to do next.
std::string describe(const ClientError& error);

} // namespace orchard::client
