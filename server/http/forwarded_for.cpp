#include "server/http/forwarded_for.h"

#include <algorithm>
#include <arpa/inet.h>

namespace orchard::http {

bool is_ip_address(std::string_view text) {
    if (text.empty() || text.size() > 45) return false;
    const std::string copy(text);
    unsigned char parsed[16];
    return inet_pton(AF_INET, copy.c_str(), parsed) == 1 ||
           inet_pton(AF_INET6, copy.c_str(), parsed) == 1;
}

std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
    if (forwarded_for.empty() ||
        std::find(trusted_proxies.begin(), trusted_proxies.end(), peer) == trusted_proxies.end())
        return peer;
    std::string_view last = forwarded_for.substr(forwarded_for.rfind(',') + 1);
    while (!last.empty() && (last.front() == ' ' || last.front() == '\t'))
        last.remove_prefix(1);
    while (!last.empty() && (last.back() == ' ' || last.back() == '\t'))
        last.remove_suffix(1);
    return is_ip_address(last) ? std::string(last) : peer;
}

} // namespace orchard::http
