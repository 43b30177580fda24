// The client's address behind a reverse proxy (HAProxy, nginx): a request from one of the
// trusted proxies names its client in the last entry of X-Forwarded-For, which that proxy
// appended; entries before it came from the client and may be anything. A request from anyone
// else is taken at its own address, whatever it says, so that nobody can pick the address that
// rate limits and sign-in failures are counted against.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace orchard::http {

// True for an IPv4 or IPv6 address as written in a URL-less header (no port, no brackets).
bool is_ip_address(std::string_view text);

// `peer` (the socket's address) unless it is one of `trusted_proxies` and `forwarded_for` (the
// header's value, empty if absent) ends in an address.
std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

} // namespace orchard::http
