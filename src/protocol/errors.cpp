#include "protocol/errors.h"

#include "protocol/json_read.h"

namespace orchard::protocol {

nlohmann::json to_json(const ApiError& error) {
    return {{"error_code", error.error_code}, {"message", error.message}};
}

std::optional<ApiError> parse_api_error(std::string_view body) {
    auto json = parse_json(body);
    if (!json) return std::nullopt;
    auto code = read_integer(*json, "error_code");
    auto message = read_string(*json, "message");
    if (!code || !message) return std::nullopt;
    return ApiError{static_cast<int>(*code), *message};
}

} // namespace orchard::protocol
