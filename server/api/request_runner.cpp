#include "server/api/request_runner.h"

namespace orchard::api {

domain::TreeManagerConfig load_config(store::TreeStore& store) {
    nlohmann::json stored = nlohmann::json::object();
    for (const auto& [key, value] : store.load_config()) {
        auto parsed = nlohmann::json::parse(value, nullptr, false);
        if (!parsed.is_discarded()) stored[key] = parsed;
    }
    std::string ignored;
    return domain::apply_config_changes(domain::TreeManagerConfig{}, stored, ignored)
        .value_or(domain::TreeManagerConfig{});
}

std::optional<nlohmann::json> parse_body(const http::Request& request) {
    if (request.body.empty()) return nlohmann::json::object();
    auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded()) return std::nullopt;
    return body;
}

void require_trusted(const ApiCaller& caller) {
    if (!caller.client.trusted)
        throw domain::DomainError(protocol::ErrorCode::ApiClientNotAuthorized,
                                  "Only a trusted API client may do this.");
}

http::Response no_content() {
    http::Response response;
    response.status = 204;
    return response;
}

} // namespace orchard::api
