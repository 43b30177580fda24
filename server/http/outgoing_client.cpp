#include "server/http/outgoing_client.h"

#include <charconv>
#include <httplib.h>
#include <memory>
#include <optional>

namespace orchard::http {

namespace {

// A URL taken apart into what the library's client is built from.
struct Target {
    bool https = false;
    std::string host; // without the brackets of an IPv6 literal
    int port = 0;
    std::string path; // with its query; "/" when the URL has none
};

std::optional<Target> parse_url(const std::string& url) {
    Target target;
    std::string_view rest = url;
    if (rest.starts_with("https://")) {
        target.https = true;
        rest.remove_prefix(8);
    } else if (rest.starts_with("http://")) {
        rest.remove_prefix(7);
    } else {
        return std::nullopt;
    }
    const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
    rest.remove_prefix(authority.size());
    std::string_view port;
    if (authority.starts_with('[')) {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        target.host = authority.substr(1, close - 1);
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':') return std::nullopt;
            port = authority.substr(close + 2);
        }
    } else {
        const auto colon = authority.find(':');
        target.host = authority.substr(0, colon);
        if (colon != std::string_view::npos) port = authority.substr(colon + 1);
    }
    if (target.host.empty()) return std::nullopt;
    target.port = target.https ? 443 : 80;
    if (!port.empty()) {
        auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), target.port);
        if (error != std::errc{} || end != port.data() + port.size() || target.port < 1 ||
            target.port > 65535)
            return std::nullopt;
    }
    target.path = rest.substr(0, rest.find('#')); // the fragment is the browser's, never sent
    if (target.path.empty() || target.path.front() != '/') target.path.insert(0, "/");
    return target;
}

} // namespace

std::string OutgoingResponse::header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
}

bool outgoing_https_supported() {
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
    return true;
#else
    return false;
#endif
}

OutgoingResult OutgoingClient::send(const OutgoingRequest& request) {
    const auto target = parse_url(request.url);
    if (!target) return std::string("a URL this client cannot call");
    std::unique_ptr<httplib::ClientImpl> client;
    if (target->https) {
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
        client = std::make_unique<httplib::SSLClient>(target->host, target->port);
#else
        return std::string("https, which this build of cpp-httplib lacks");
#endif
    } else {
        client = std::make_unique<httplib::ClientImpl>(target->host, target->port);
    }
    if (!request.connect_to.empty())
        client->set_hostname_addr_map({{target->host, request.connect_to}});
    // A server that does not answer must not hold the calling thread indefinitely.
    client->set_connection_timeout(request.timeout);
    client->set_read_timeout(request.timeout);
    client->set_write_timeout(request.timeout);
    {
        std::lock_guard lock(mutex_);
        if (stopped_) return std::string("stopped");
        in_flight_ = client.get();
    }
    const httplib::Headers headers(request.headers.begin(), request.headers.end());
    auto result = request.method == "POST"
                      ? client->Post(target->path, headers, request.body, request.content_type)
                      : client->Get(target->path, headers);
    {
        std::lock_guard lock(mutex_);
        in_flight_ = nullptr;
    }
    if (!result) return httplib::to_string(result.error());
    return OutgoingResponse{.status = result->status,
                            .headers = Headers(result->headers.begin(), result->headers.end()),
                            .body = std::move(result->body)};
}

void OutgoingClient::stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    if (in_flight_) in_flight_->stop();
}

} // namespace orchard::http
