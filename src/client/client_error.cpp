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

std::string describe(const ClientError& error) {
    switch (error.kind) {
    case ClientError::Kind::Network:
        return "Orchard's server can't be reached. Check your connection; we keep trying.";
    case ClientError::Kind::BadResponse:
        return "The server sent an answer we could not read. Reload the page to get the "
               "latest version of Orchard.";
    case ClientError::Kind::Api:
        if (error.api && !error.api->message.empty()) return error.api->message;
        if (error.http_status >= 500)
            return "The server ran into a problem. Please try again in a moment.";
        return "The server refused the request (HTTP " + std::to_string(error.http_status) + ").";
    }
    return "Something went wrong.";
}

} // namespace orchard::client
