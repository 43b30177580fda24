#include "server/news/address_policy.h"

#include "server/http/outgoing_client.h"

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <netdb.h>
#include <sys/socket.h>

namespace orchard::news {

namespace {

struct Range {
    std::uint32_t first; // host byte order
    int bits;
    const char* kind;
};

// IPv4 ranges that are not the public internet: what a webhook could use to reach this machine
// or its neighbours (RFC 6890 and friends).
constexpr std::array<Range, 9> kNonPublicV4 = {{
    {0x00000000, 8, "unspecified"},     // 0.0.0.0/8 ("this network"; 0.0.0.0 means this host)
    {0x0A000000, 8, "private"},         // 10/8
    {0x64400000, 10, "shared (CGNAT)"}, // 100.64/10
    {0x7F000000, 8, "loopback"},        // 127/8
    {0xA9FE0000, 16, "link-local"},     // 169.254/16, where cloud metadata services live
    {0xAC100000, 12, "private"},        // 172.16/12
    {0xC0A80000, 16, "private"},        // 192.168/16
    {0xE0000000, 4, "multicast"},       // 224/4
    {0xF0000000, 4, "reserved"},        // 240/4 and the broadcast address
}};

const char* non_public_v4(std::uint32_t address) {
    for (const auto& range : kNonPublicV4)
        if ((address >> (32 - range.bits)) == (range.first >> (32 - range.bits))) return range.kind;
    return nullptr;
}

std::uint32_t v4_at(const unsigned char* bytes) {
    return std::uint32_t(bytes[0]) << 24 | std::uint32_t(bytes[1]) << 16 |
           std::uint32_t(bytes[2]) << 8 | std::uint32_t(bytes[3]);
}

const char* non_public_v6(const in6_addr& address) {
    const unsigned char* b = address.s6_addr;
    const bool zeros_to_10 = std::all_of(b, b + 10, [](unsigned char c) { return c == 0; });
    // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d, which includes :: and ::1)
    // addresses, and the NAT64 prefix 64:ff9b::/96, lead to the embedded IPv4 address.
    const bool mapped = zeros_to_10 && b[10] == 0xff && b[11] == 0xff;
    const bool compatible = zeros_to_10 && b[10] == 0 && b[11] == 0;
    const bool nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b &&
                       std::all_of(b + 4, b + 12, [](unsigned char c) { return c == 0; });
    if (compatible && v4_at(b + 12) == 1) return "loopback";
    if (mapped || compatible || nat64) return non_public_v4(v4_at(b + 12));
    if ((b[0] & 0xfe) == 0xfc) return "private";                    // fc00::/7, unique local
    if (b[0] == 0xfe && (b[1] & 0x80) == 0x80) return "link-local"; // fe80::/10, old fec0::/10
    if (b[0] == 0xff) return "multicast";                           // ff00::/8
    return nullptr;
}

struct Resolved {
    std::string address; // numeric
    const char* kind;    // nullptr for a public address
};

std::variant<std::vector<Resolved>, std::string> resolve(const std::string& host) {
    // Literals need no resolver (and no network).
    in_addr v4{};
    in6_addr v6{};
    if (inet_pton(AF_INET, host.c_str(), &v4) == 1)
        return std::vector<Resolved>{{host, non_public_v4(ntohl(v4.s_addr))}};
    if (inet_pton(AF_INET6, host.c_str(), &v6) == 1)
        return std::vector<Resolved>{{host, non_public_v6(v6)}};

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (const int error = getaddrinfo(host.c_str(), nullptr, &hints, &found); error != 0)
        return "cannot resolve " + host + ": " + gai_strerror(error);
    std::vector<Resolved> addresses;
    for (const addrinfo* entry = found; entry; entry = entry->ai_next) {
        char text[INET6_ADDRSTRLEN] = {};
        Resolved resolved{};
        if (entry->ai_family == AF_INET) {
            const auto& in = reinterpret_cast<const sockaddr_in*>(entry->ai_addr)->sin_addr;
            inet_ntop(AF_INET, &in, text, sizeof text);
            resolved = {text, non_public_v4(ntohl(in.s_addr))};
        } else if (entry->ai_family == AF_INET6) {
            const auto& in = reinterpret_cast<const sockaddr_in6*>(entry->ai_addr)->sin6_addr;
            inet_ntop(AF_INET6, &in, text, sizeof text);
            resolved = {text, non_public_v6(in)};
        } else {
            continue;
        }
        if (std::none_of(addresses.begin(), addresses.end(),
                         [&](const Resolved& seen) { return seen.address == resolved.address; }))
            addresses.push_back(resolved);
    }
    freeaddrinfo(found);
    if (addresses.empty()) return host + " has no IPv4 or IPv6 address";
    return addresses;
}

// Host characters of a name: letters, digits, dots, dashes (and underscores, seen in the wild).
bool valid_name(const std::string& host) {
    return std::all_of(host.begin(), host.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '-' || c == '_';
    });
}

// The URL taken apart, without addresses yet, or what is wrong with it.
std::variant<WebhookTarget, std::string> parse(const std::string& url) {
    if (url.empty()) return std::string("the URL is empty");
    // Spaces and control characters would end up in the request line.
    if (std::any_of(url.begin(), url.end(),
                    [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; }))
        return std::string("the URL contains spaces or control characters");
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string::npos)
        return std::string("the URL has no scheme (http:// or https://)");
    std::string scheme = url.substr(0, scheme_end);
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    WebhookTarget target;
    if (scheme != "http" && scheme != "https")
        return "the scheme " + scheme + ":// is not http:// or https://";
    target.https = scheme == "https";
    if (target.https && !http::outgoing_https_supported())
        return std::string("this build of the server has no https support");

    const auto authority_end = url.find_first_of("/?#", scheme_end + 3);
    const std::string authority = url.substr(scheme_end + 3, authority_end - (scheme_end + 3));
    if (authority_end != std::string::npos)
        target.path = url.substr(authority_end, url.find('#', authority_end) - authority_end);
    if (target.path.empty() || target.path[0] != '/') target.path = "/" + target.path;
    if (authority.find('@') != std::string::npos)
        return std::string("the URL carries a user name or password");

    std::optional<std::string> port;
    if (!authority.empty() && authority[0] == '[') {
        const auto close = authority.find(']');
        if (close == std::string::npos) return std::string("the URL has an unclosed [");
        target.host = authority.substr(1, close - 1);
        in6_addr ignored{};
        if (inet_pton(AF_INET6, target.host.c_str(), &ignored) != 1)
            return "[" + target.host + "] is not an IPv6 address";
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':') return std::string("the URL's host is malformed");
            port = authority.substr(close + 2);
        }
    } else {
        const auto colon = authority.find(':');
        target.host = authority.substr(0, colon);
        if (colon != std::string::npos) port = authority.substr(colon + 1);
        if (!valid_name(target.host)) return "the host " + target.host + " is malformed";
    }
    if (target.host.empty()) return std::string("the URL has no host");
    target.port = target.https ? 443 : 80;
    if (port) {
        const char* end = port->data() + port->size();
        auto [stop, error] = std::from_chars(port->data(), end, target.port);
        if (error != std::errc{} || stop != end || target.port < 1 || target.port > 65535)
            return "the port '" + *port + "' is not a number from 1 to 65535";
    }
    return target;
}

} // namespace

std::variant<WebhookTarget, Refusal> check_target(const std::string& url, bool allow_private) {
    auto parsed = parse(url);
    if (auto* reason = std::get_if<std::string>(&parsed)) return Refusal{*reason};
    auto& target = std::get<WebhookTarget>(parsed);
    auto resolved = resolve(target.host);
    if (auto* reason = std::get_if<std::string>(&resolved)) return Refusal{*reason, true};
    // Every address must pass: the connection may go to any of them.
    for (const auto& [address, kind] : std::get<std::vector<Resolved>>(resolved)) {
        if (kind && !allow_private)
            return Refusal{target.host + " is " +
                           (address == target.host ? "" : "at " + address + ", ") + "a " + kind +
                           " address (allowed only with --news-webhook-allow-private)"};
        target.addresses.push_back(address);
    }
    return target;
}

std::optional<std::string> refuse_reason(const std::string& url, bool allow_private) {
    auto target = check_target(url, allow_private);
    if (auto* refusal = std::get_if<Refusal>(&target)) return refusal->reason;
    return std::nullopt;
}

} // namespace orchard::news
