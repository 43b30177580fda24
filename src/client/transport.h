// The client's only way to reach the server. In the browser it is emscripten_fetch
// (platform/fetch_transport); in native tests a real HTTP client against a real server.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace orchard::client {

struct HttpRequest {
    std::string method = "GET";
    std::string path; // absolute path on the server, e.g. "/api/v1/health"
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

struct HttpResult {
    int status = 0; // 0: the request never got an HTTP answer (network down, server gone)
    std::string body;
};

class Transport {
  public:
    virtual ~Transport() = default;
    // Sends the request; `done` is called exactly once, possibly before send() returns.
    virtual void send(HttpRequest request, std::function<void(HttpResult)> done) = 0;
};

} // namespace orchard::client
