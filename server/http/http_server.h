// The HTTP/1.1 server: Boost.Beast's parser on Asio, event-driven. A connection holds no thread:
// an idle or slow one costs a socket and a few hundred bytes, so thousands of keep-alive browsers
// and a client that trickles its headers cannot stop anyone else being answered. Handlers run on
// a pool of workers apart from the I/O threads. Every request is bounded: its headers and body
// must arrive within a deadline, bodies (chunked and gzip ones too, after inflating) within a
// size, and connections in number, in total and per client address.
#pragma once

#include "server/http/http_types.h"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace orchard::http {

struct ServerOptions {
    int workers = 64;   // handlers waiting on the database at once
    int io_threads = 2; // threads reading and writing sockets
    size_t max_body_bytes = 1 << 20;
    // Request bodies in memory at once, over all connections (at least one largest body).
    size_t max_body_memory_bytes = 256u << 20;
    size_t max_header_bytes = 16 * 1024;
    int max_connections = 20000;           // also bounded by the process's file limit
    int max_connections_per_address = 256; // 0: no limit (behind a proxy all share one address)
    std::chrono::milliseconds idle_timeout = std::chrono::seconds(75);    // between requests
    std::chrono::milliseconds request_timeout = std::chrono::seconds(20); // first byte to last
    // Writing an answer may take this long plus a second for each 16 KiB of it (a slow phone
    // downloading the client), then the connection is closed.
    std::chrono::milliseconds write_timeout = std::chrono::seconds(30);
    bool log_requests = true;
    // Reverse proxies whose X-Forwarded-For names the client (http/forwarded_for.h).
    std::vector<std::string> trusted_proxies;
};

class HttpServer {
  public:
    HttpServer(Handler handler, ServerOptions options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds to host:port (port 0 picks a free one) and returns the port; throws on failure.
    int bind(const std::string& host, int port);
    // Serves until stop() is called (from another thread).
    void run();
    // Stops accepting, lets the requests being handled finish, and makes run() return.
    void stop();

  private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace orchard::http
