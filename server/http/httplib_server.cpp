#include "server/http/httplib_server.h"

#include "protocol/errors.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <httplib.h>
#include <mutex>
#include <stdexcept>

namespace orchard::http {

namespace {

Request from_httplib(const httplib::Request& in) {
    Request out;
    out.method = in.method;
    out.path = in.path;
    out.query.insert(in.params.begin(), in.params.end());
    for (const auto& [name, value] : in.headers) out.headers.emplace(name, value);
    out.body = in.body;
    out.remote_address = in.remote_addr;
    return out;
}

void to_httplib(const Response& in, httplib::Response& out) {
    out.status = in.status;
    for (const auto& [name, value] : in.headers) out.set_header(name, value);
    if (!in.body.empty())
        out.set_content(in.body, in.content_type);
    else if (in.status != 204 && in.status != 304)
        out.set_header("Content-Type", in.content_type);
}

void log_request(const Request& request, const Response& response, double milliseconds) {
    static std::mutex log_mutex;
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
    std::lock_guard lock(log_mutex);
    std::fprintf(stdout, "%s %s %s %s %d %zuB %.2fms\n", stamp, request.remote_address.c_str(),
                 request.method.c_str(), request.path.c_str(), response.status,
                 response.body.size(), milliseconds);
    std::fflush(stdout);
}

} // namespace

HttpServer::HttpServer(Handler handler, ServerOptions options)
    : server_(std::make_unique<httplib::Server>()) {
    const int threads = options.threads;
    server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // Without this, small responses wait for the peer's delayed ACK (about 40 ms each).
    server_->set_tcp_nodelay(true);
    server_->set_keep_alive_max_count(1000);
    server_->set_payload_max_length(options.max_body_bytes);

    auto dispatch = [handler = std::move(handler), log = options.log_requests](
                        const httplib::Request& in, httplib::Response& out) {
        const auto start = std::chrono::steady_clock::now();
        const Request request = from_httplib(in);
        Response response;
        try {
            response = handler(request);
        } catch (const std::exception& error) {
            std::fprintf(stderr, "error: %s %s: %s\n", request.method.c_str(),
                         request.path.c_str(), error.what());
            response = Response::error(500, static_cast<int>(protocol::ErrorCode::Generic),
                                       "Internal server error.");
        }
        to_httplib(response, out);
        if (log) {
            const std::chrono::duration<double, std::milli> elapsed =
                std::chrono::steady_clock::now() - start;
            log_request(request, response, elapsed.count());
        }
    };
    const std::string any_path = ".*";
    server_->Get(any_path, dispatch);
    server_->Post(any_path, dispatch);
    server_->Put(any_path, dispatch);
    server_->Patch(any_path, dispatch);
    server_->Delete(any_path, dispatch);
    server_->Options(any_path, dispatch);
}

HttpServer::~HttpServer() = default;

int HttpServer::bind(const std::string& host, int port) {
    const int bound = port == 0 ? server_->bind_to_any_port(host) : (server_->bind_to_port(host, port) ? port : -1);
    if (bound < 0)
        throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) +
                                 " (is another program using that port?)");
    return bound;
}

void HttpServer::run() { server_->listen_after_bind(); }

void HttpServer::stop() { server_->stop(); }

} // namespace orchard::http
