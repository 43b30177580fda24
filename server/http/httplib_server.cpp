#include "server/http/httplib_server.h"

#include "protocol/errors.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <httplib.h>
#include <mutex>
#include <stdexcept>
#include <strings.h>
#include <sys/socket.h>

namespace orchard::http {

namespace {

Request from_httplib(const httplib::Request& in) {
    Request out;
    out.method = in.method;
    out.path = in.path;
    out.query.insert(in.params.begin(), in.params.end());
    for (const auto& [name, value] : in.headers)
        out.headers.emplace(name, value);
    out.body = in.body;
    out.remote_address = in.remote_addr;
    return out;
}

// Bodies smaller than this are sent as they are: compressing them costs more than it saves.
constexpr size_t kCompressFromBytes = 1024;

void to_httplib(Response in, httplib::Response& out) {
    out.status = in.status;
    bool already_encoded = false;
    for (const auto& [name, value] : in.headers) {
        out.set_header(name, value);
        if (strcasecmp(name.c_str(), "Content-Encoding") == 0) already_encoded = true;
    }
    if (in.body.empty()) {
        if (in.status != 204 && in.status != 304) out.set_header("Content-Type", in.content_type);
        return;
    }
    if (!already_encoded && in.body.size() >= kCompressFromBytes) {
        // cpp-httplib compresses text and JSON bodies itself (brotli or gzip, as accepted).
        out.set_content(std::move(in.body), in.content_type);
        return;
    }
    // A body of known length through a content provider is never compressed by cpp-httplib:
    // the way to send a precompressed file, or a small body, as it is.
    auto body = std::make_shared<std::string>(std::move(in.body));
    out.set_content_provider(body->size(), in.content_type,
                             [body](size_t offset, size_t length, httplib::DataSink& sink) {
                                 sink.write(body->data() + offset, length);
                                 return true;
                             });
}

void log_request(const Request& request, int status, size_t bytes, double milliseconds) {
    static std::mutex log_mutex;
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
    std::lock_guard lock(log_mutex);
    std::fprintf(stdout, "%s %s %s %s %d %zuB %.2fms\n", stamp, request.remote_address.c_str(),
                 request.method.c_str(), request.path.c_str(), status, bytes, milliseconds);
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
    // cpp-httplib's default sets SO_REUSEPORT, which lets a second server silently share the
    // port (and split requests between two databases). SO_REUSEADDR alone still allows a quick
    // restart while old connections linger in TIME_WAIT.
    server_->set_socket_options([this](int socket) {
        int yes = 1;
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        listening_socket_ = socket;
    });
    server_->set_payload_max_length(options.max_body_bytes);
    // Errors cpp-httplib answers by itself (a body over the limit, a request it cannot read)
    // get the PROTOCOL.md error object too; responses of ours already have their body.
    server_->set_error_handler(httplib::Server::HandlerWithResponse(
        [max_bytes = options.max_body_bytes](const httplib::Request&, httplib::Response& res) {
            if (!res.body.empty() || res.content_provider_)
                return httplib::Server::HandlerResponse::Unhandled;
            const std::string message =
                res.status == 413
                    ? "The request body is larger than " + std::to_string(max_bytes) + " bytes."
                    : "The request could not be read (HTTP " + std::to_string(res.status) + ").";
            const Response error = Response::error(
                res.status, static_cast<int>(protocol::ErrorCode::Generic), message);
            res.set_content(error.body, "application/json");
            return httplib::Server::HandlerResponse::Handled;
        }));

    auto dispatch = [handler = std::move(handler), log = options.log_requests](
                        const httplib::Request& in, httplib::Response& out) {
        const auto start = std::chrono::steady_clock::now();
        const Request request = from_httplib(in);
        Response response;
        try {
            response = handler(request);
        } catch (const std::exception& error) {
            std::fprintf(stderr, "error: %s %s: %s\n", request.method.c_str(), request.path.c_str(),
                         error.what());
            response = Response::error(500, static_cast<int>(protocol::ErrorCode::Generic),
                                       "Internal server error.");
        }
        const int status = response.status;
        const size_t bytes = response.body.size();
        to_httplib(std::move(response), out);
        if (log) {
            const std::chrono::duration<double, std::milli> elapsed =
                std::chrono::steady_clock::now() - start;
            log_request(request, status, bytes, elapsed.count());
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
    const int bound = port == 0 ? server_->bind_to_any_port(host)
                                : (server_->bind_to_port(host, port) ? port : -1);
    if (bound < 0)
        throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) +
                                 " (is another program using that port?)");
    // cpp-httplib listens with a backlog of 5: when more clients connect at once, the kernel
    // drops their SYNs and they retry only after a second. Listening again on the bound socket
    // raises the backlog to the system's maximum.
    int accepting = 0;
    socklen_t length = sizeof accepting;
    if (listening_socket_ >= 0 &&
        getsockopt(listening_socket_, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &length) == 0 &&
        accepting)
        ::listen(listening_socket_, SOMAXCONN);
    return bound;
}

void HttpServer::run() {
    server_->listen_after_bind();
}

void HttpServer::stop() {
    server_->stop();
}

} // namespace orchard::http
