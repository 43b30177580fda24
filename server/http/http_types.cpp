#include "server/http/http_types.h"

#include "protocol/errors.h"
#include "protocol/utf8.h"

#include <algorithm>
#include <cctype>

namespace orchard::http {

bool CaseInsensitiveLess::operator()(const std::string& a, const std::string& b) const {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) <
               std::tolower(static_cast<unsigned char>(y));
    });
}

std::optional<std::string> Request::header(const std::string& name) const {
    auto it = headers.find(name);
    if (it == headers.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> Request::query_value(const std::string& name) const {
    auto it = query.find(name);
    if (it == query.end()) return std::nullopt;
    return it->second;
}

bool Request::accepts_encoding(std::string_view coding) const {
    auto accept = header("Accept-Encoding");
    return accept && accept->find(coding) != std::string::npos;
}

std::string_view Response::body_bytes() const {
    if (!shared_owner) return body;
    return shared_bytes;
}

Response Response::json(int status, const nlohmann::json& body) {
    Response response;
    response.status = status;
    response.content_type = "application/json";
    // Replace invalid UTF-8 rather than throw: a response must always be valid JSON.
    response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return response;
}

Response Response::error(int status, int error_code, std::string message) {
    // Messages quote what was sent (an unknown emoji, task type, label): a quote of a
    // megabyte-long value must not come back whole, so every message is cut here, whole
    // characters only.
    constexpr std::size_t kMaxMessageBytes = 1000;
    if (message.size() > kMaxMessageBytes)
        message = std::string(protocol::utf8_prefix(message, kMaxMessageBytes - 3)) + "...";
    return json(status, protocol::to_json(protocol::ApiError{error_code, std::move(message)}));
}

void Response::set_header(std::string name, std::string value) {
    for (auto& [existing, existing_value] : headers) {
        if (!CaseInsensitiveLess{}(existing, name) && !CaseInsensitiveLess{}(name, existing)) {
            existing_value = std::move(value);
            return;
        }
    }
    headers.emplace_back(std::move(name), std::move(value));
}

} // namespace orchard::http
