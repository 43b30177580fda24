#include "server/api/request_runner.h"

#include "server/api/body_errors.h"
#include "server/domain/request_fields.h"

#include <map>
#include <mutex>
#include <optional>
#include <utility>

namespace orchard::api {

domain::TreeManagerConfig load_config(store::TreeStore& store) {
    // Every request needs the configuration and it rarely changes: the rows are read each time
    // (so a change is seen at once) but parsed only when they differ from the last ones.
    static std::mutex cache_mutex;
    static std::optional<std::pair<std::map<std::string, std::string>, domain::TreeManagerConfig>>
        cache;
    auto rows = store.load_config();
    std::lock_guard lock(cache_mutex);
    if (cache && cache->first == rows) return cache->second;
    nlohmann::json stored = nlohmann::json::object();
    for (const auto& [key, value] : rows) {
        auto parsed = nlohmann::json::parse(value, nullptr, false);
        if (!parsed.is_discarded()) stored[key] = parsed;
    }
    std::string ignored;
    auto config = domain::apply_config_changes(domain::TreeManagerConfig{}, stored, ignored)
                      .value_or(domain::TreeManagerConfig{});
    cache.emplace(std::move(rows), config);
    return config;
}

std::optional<nlohmann::json> parse_body(const http::Request& request) {
    if (request.body.empty()) return nlohmann::json::object();
    auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded()) return std::nullopt;
    return body;
}

http::Response invalid_json_response(const http::Request& request) {
    return http::Response::error(400, static_cast<int>(protocol::ErrorCode::Generic),
                                 invalid_body_message(request.body));
}

http::Response not_an_object_response(const nlohmann::json& body) {
    try {
        domain::RequestFields fields(body); // refuses anything but an object, naming its type
    } catch (const domain::DomainError& error) {
        return error_response(error);
    }
    return http::Response::error(400, static_cast<int>(protocol::ErrorCode::Generic),
                                 "The request body is not valid JSON.");
}

http::Response no_content() {
    http::Response response;
    response.status = 204;
    return response;
}

} // namespace orchard::api
