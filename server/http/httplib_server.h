// Runs a Handler behind cpp-httplib: the only file that knows the HTTP library. It converts
// requests and responses, logs one line per request, turns escaped exceptions into 500 error
// objects, and sets what cpp-httplib leaves off by default (TCP_NODELAY, a larger thread pool).
#pragma once

#include "server/http/http_types.h"

#include <memory>
#include <string>

namespace httplib {
class Server;
}

namespace orchard::http {

struct ServerOptions {
    int threads = 64; // each keep-alive connection holds a thread while it is open
    size_t max_body_bytes = 1 << 20;
    bool log_requests = true;
};

class HttpServer {
  public:
    HttpServer(Handler handler, ServerOptions options);
    ~HttpServer();

    // Binds to host:port (port 0 picks a free one) and returns the port; throws on failure.
    int bind(const std::string& host, int port);
    // Serves until stop() is called (from another thread).
    void run();
    void stop();

  private:
    std::unique_ptr<httplib::Server> server_;
    int listening_socket_ = -1; // the last socket cpp-httplib created for listening
};

} // namespace orchard::http
