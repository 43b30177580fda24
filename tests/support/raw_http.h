// HTTP spoken byte by byte over a plain socket, for tests of what an HTTP client library would
// never send: trickled headers, bodies in their own packets, pipelined or smuggled requests, a
// connection from a chosen loopback address.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace orchard::test {

// A loopback port free right now, for a helper program that must be told its port (an SMTP sink,
// HAProxy). Another program may take it before that one binds it; rare enough for tests.
int free_loopback_port();

// A TCP connection to 127.0.0.1:port from `source` (any address of 127.0.0.0/8), closed when
// destroyed.
class RawConnection {
  public:
    RawConnection(int port, const std::string& source = "127.0.0.1");
    ~RawConnection();
    RawConnection(RawConnection&& other) noexcept;
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    bool connected() const { return fd_ >= 0; }
    // False once the peer has closed or reset the connection.
    bool send(std::string_view bytes);

    struct Response {
        int status = 0;
        std::map<std::string, std::string> headers; // names in lower case
        std::string body;
    };
    // The next whole response (Content-Length framing), or nullopt when the connection closed
    // or nothing complete arrived within `timeout`. `head_only`: a HEAD answer has no body.
    std::optional<Response> read_response(std::chrono::milliseconds timeout,
                                          bool head_only = false);
    // True when the server closed the connection within `timeout` (reading only discards).
    bool closed_within(std::chrono::milliseconds timeout);

  private:
    int fd_ = -1;
    std::string pending_; // bytes read past the last response
};

} // namespace orchard::test
