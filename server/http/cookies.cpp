#include "server/http/cookies.h"

namespace orchard::http {

namespace {

// Optional whitespace around a cookie-pair; a tab is unusual but allowed by RFC 6265 §5.2.
std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

} // namespace

std::optional<std::string> cookie_value(std::string_view header, std::string_view name) {
    if (header.size() > kMaxCookieBytes || name.empty()) return std::nullopt;
    while (!header.empty()) {
        const size_t end = header.find(';');
        const std::string_view pair = trimmed(header.substr(0, end));
        header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
        const size_t equals = pair.find('=');
        if (equals == std::string_view::npos) continue; // not a name=value pair: skipped
        if (trimmed(pair.substr(0, equals)) != name) continue;
        std::string_view value = trimmed(pair.substr(equals + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
            value = value.substr(1, value.size() - 2);
        return std::string(value);
    }
    return std::nullopt;
}

std::optional<std::string> cookie_value(const Request& request, std::string_view name) {
    const auto [first, last] = request.headers.equal_range("Cookie");
    size_t total = 0;
    for (auto it = first; it != last; ++it)
        total += it->second.size();
    if (total > kMaxCookieBytes) return std::nullopt;
    for (auto it = first; it != last; ++it)
        if (auto value = cookie_value(it->second, name)) return value;
    return std::nullopt;
}

std::string set_cookie(std::string_view name, std::string_view value,
                       const CookieAttributes& attributes) {
    std::string cookie = std::string(name) + "=" + std::string(value) +
                         "; Path=" + attributes.path +
                         "; Max-Age=" + std::to_string(attributes.max_age_seconds) + "; HttpOnly";
    if (!attributes.same_site.empty()) cookie += "; SameSite=" + attributes.same_site;
    if (attributes.secure) cookie += "; Secure";
    return cookie;
}

} // namespace orchard::http
