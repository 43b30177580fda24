#include "server/embedding_policy.h"

namespace orchard {

namespace {

bool host_character(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.';
}

} // namespace

bool is_web_origin(std::string_view text) {
    std::string_view rest;
    if (text.starts_with("https://"))
        rest = text.substr(8);
    else if (text.starts_with("http://"))
        rest = text.substr(7);
    else
        return false;
    const auto colon = rest.find(':');
    const std::string_view host = rest.substr(0, colon);
    if (host.empty() || host.size() > 253 || host.front() == '.' || host.front() == '-')
        return false;
    for (const char c : host)
        if (!host_character(c)) return false;
    if (colon == std::string_view::npos) return true;
    const std::string_view port = rest.substr(colon + 1);
    if (port.empty() || port.size() > 5) return false;
    int value = 0;
    for (const char c : port) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    return value >= 1 && value <= 65535;
}

std::string frame_policy(std::string_view path, const std::vector<std::string>& embed_origins) {
    if (path.starts_with("/widgets/")) return "frame-ancestors *";
    if (embed_origins.empty()) return "frame-ancestors 'none'";
    std::string policy = "frame-ancestors";
    for (const auto& origin : embed_origins)
        policy += " " + origin;
    return policy;
}

} // namespace orchard
