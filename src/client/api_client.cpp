#include "client/api_client.h"

namespace orchard::client {

namespace {

// Turns a finished request into a typed result with `parse`, or into the error that explains it.
template <typename T, typename Parse>
ApiResult<T> to_result(const HttpResult& result, Parse parse) {
    if (result.status >= 200 && result.status < 300) {
        if (auto value = parse(result.body)) return std::move(*value);
        return error_from_result(result.status, result.body, /*body_unreadable=*/true);
    }
    return error_from_result(result.status, result.body, /*body_unreadable=*/false);
}

} // namespace

void ApiClient::get_health(std::function<void(ApiResult<protocol::Health>)> done) {
    transport_.send({.method = "GET", .path = "/api/v1/health"},
                    [done = std::move(done)](HttpResult result) {
                        done(to_result<protocol::Health>(result, protocol::parse_health));
                    });
}

} // namespace orchard::client
