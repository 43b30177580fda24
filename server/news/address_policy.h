// Which URLs the server may send news to. An operator types the webhook URL, but whoever controls
// its DNS decides where the connection really goes; without this check a name that resolves to
// 127.0.0.1 or 10.0.0.5 would let the webhook reach services that trust the local network.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace orchard::news {

// A URL taken apart, with the addresses its host resolved to (all of them passed the check).
struct WebhookTarget {
    bool https = false;
    std::string host; // a name or an address literal, without brackets
    int port = 0;
    std::string path;                   // with its query; "/" when the URL has none
    std::vector<std::string> addresses; // numeric, in the resolver's order; never empty
};

// Why a URL may not be posted to.
struct Refusal {
    std::string reason;
    bool transient = false; // the host did not resolve, which may change (unlike the rest)
};

// The target, or why the URL may not be posted to: a malformed URL, a scheme other than http and
// https, a host that does not resolve, or (unless allow_private) any address that is loopback,
// private, link-local, shared (CGNAT), unspecified, multicast or reserved. Resolving may block
// for as long as the system resolver takes.
std::variant<WebhookTarget, Refusal> check_target(const std::string& url, bool allow_private);

// check_target's reason, or nullopt when the URL may be posted to.
std::optional<std::string> refuse_reason(const std::string& url, bool allow_private);

} // namespace orchard::news
