// The server's one way to call other servers (OAuth providers, news webhooks): a blocking GET or
// POST with headers, a body and timeouts, over http or https. The HTTP library (cpp-httplib) stays
// behind this file, as Beast stays behind connection.cpp for the requests we answer. Redirects are
// not followed: a 3xx comes back as it is, since following it could lead past a caller's checks.
#pragma once

#include "server/http/http_types.h"

#include <chrono>
#include <mutex>
#include <string>
#include <variant>

namespace httplib {
class ClientImpl;
}

namespace orchard::http {

struct OutgoingRequest {
    std::string method = "GET"; // "GET" or "POST"
    std::string url;            // http[s]://host[:port][/path][?query]; a bare host means "/"
    Headers headers;
    std::string body;                        // POST only
    std::string content_type;                // of the body
    std::chrono::milliseconds timeout{5000}; // to connect, and for each read or write
    // When set, the numeric address to connect to instead of resolving the URL's host, which still
    // goes into Host, SNI and the certificate check: for a caller that vetted the address itself.
    std::string connect_to;
};

struct OutgoingResponse {
    int status = 0;
    Headers headers;
    std::string body;

    // The first value of the header `name`, or "" when it is absent.
    std::string header(const std::string& name) const;
};

// The answer, or why there is none (the library's word for it, e.g. "Connection", for a log).
using OutgoingResult = std::variant<OutgoingResponse, std::string>;

// Whether this build can call https:// URLs (cpp-httplib built with OpenSSL, as Debian's is).
bool outgoing_https_supported();

// Sends requests one at a time; stop() may come from any other thread.
class OutgoingClient {
  public:
    OutgoingResult send(const OutgoingRequest& request);

    // Ends a send() in progress by shutting its socket down, so that it fails now instead of at its
    // timeout, and makes every later send() fail at once. A connect in progress still ends only at
    // its timeout: the library holds its socket lock while connecting.
    void stop();

  private:
    std::mutex mutex_;
    bool stopped_ = false;
    httplib::ClientImpl* in_flight_ = nullptr; // the send() in progress
};

} // namespace orchard::http
