// The HTTP status that goes with each PROTOCOL.md error code, and DomainError as a response:
// used by the route runner (route_runner.h), the one place where refusals become responses.
#pragma once

#include "protocol/errors.h"
#include "server/domain/domain_error.h"
#include "server/http/http_types.h"

namespace orchard::api {

int http_status_for(protocol::ErrorCode code);
http::Response error_response(const domain::DomainError& error);

} // namespace orchard::api
