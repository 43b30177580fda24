#include "server/http/http_server.h"

#include "server/http/connection.h"
#include "server/http/connection_limits.h"
#include "server/http/request_log.h"
#include "server/http/worker_pool.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <stdexcept>
#include <sys/resource.h>
#include <thread>
#include <vector>

namespace orchard::http {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using boost::system::error_code;

namespace {

// Every connection is a file descriptor: take as many as the system allows this process, and
// keep some back for the database, log files and outgoing calls.
int connection_capacity(int wanted) {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return wanted;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
        getrlimit(RLIMIT_NOFILE, &limit);
    }
    constexpr rlim_t kReserved = 256;
    if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur > static_cast<rlim_t>(wanted) + kReserved)
        return wanted;
    return limit.rlim_cur > kReserved ? static_cast<int>(limit.rlim_cur - kReserved) : 1;
}

} // namespace

// Destroyed in reverse order: the workers are joined first (their jobs may still post answers
// to the I/O contexts), then the acceptor, then the contexts with every connection left in them.
struct HttpServer::State {
    ServerOptions options;
    ConnectionLimits limits;
    BodyBudget bodies;
    ErrorLog errors;
    std::vector<std::unique_ptr<asio::io_context>> contexts;
    std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
    tcp::acceptor acceptor;
    asio::steady_timer accept_retry;
    std::unique_ptr<WorkerPool> workers;
    std::shared_ptr<ConnectionContext> connection_context;
    size_t next_context = 0;

    State(Handler handler, ServerOptions server_options)
        : options(server_options), limits(connection_capacity(server_options.max_connections),
                                          server_options.max_connections_per_address),
          bodies(std::max(server_options.max_body_memory_bytes, server_options.max_body_bytes)),
          contexts(make_contexts(server_options.io_threads)), acceptor(*contexts.front()),
          accept_retry(*contexts.front()),
          workers(std::make_unique<WorkerPool>(std::max(1, server_options.workers))) {
        for (auto& context : contexts)
            keep_running.push_back(asio::make_work_guard(*context));
        connection_context = std::make_shared<ConnectionContext>(ConnectionContext{
            std::move(handler), options, workers.get(), &errors, &limits, &bodies});
    }

    static std::vector<std::unique_ptr<asio::io_context>> make_contexts(int count) {
        std::vector<std::unique_ptr<asio::io_context>> made;
        for (int i = 0; i < std::max(1, count); ++i)
            made.push_back(std::make_unique<asio::io_context>(1));
        return made;
    }

    // Connections are spread over the I/O threads, one context each, so that a connection's
    // handlers never run on two threads at once and need no locks.
    void accept() {
        asio::io_context& context = *contexts[next_context++ % contexts.size()];
        acceptor.async_accept(context, [this](const error_code& error, tcp::socket socket) {
            if (error == asio::error::operation_aborted || !acceptor.is_open()) return;
            if (error) {
                // Out of file descriptors (or another passing failure): try again shortly
                // rather than spin on an accept that fails at once.
                accept_retry.expires_after(std::chrono::milliseconds(50));
                accept_retry.async_wait([this](const error_code& wait_error) {
                    if (!wait_error) accept();
                });
                return;
            }
            admit(std::move(socket));
            accept();
        });
    }

    void admit(tcp::socket socket) {
        error_code ignored;
        const auto peer = socket.remote_endpoint(ignored);
        std::string address = peer.address().to_string(ignored);
        if (!limits.admit(address)) {
            socket.close(ignored); // over a limit: no answer is cheaper than any answer
            return;
        }
        socket.set_option(tcp::no_delay(true), ignored); // small answers do not wait for ACKs
        auto connection =
            std::make_shared<Connection>(std::move(socket), std::move(address), connection_context);
        const auto executor = connection->executor();
        asio::post(executor, [connection = std::move(connection)] { connection->start(); });
    }
};

HttpServer::HttpServer(Handler handler, ServerOptions options)
    : state_(std::make_unique<State>(std::move(handler), options)) {}

HttpServer::~HttpServer() {
    // Workers first: a job still running may use the contexts.
    state_->workers.reset();
}

int HttpServer::bind(const std::string& host, int port) {
    auto& acceptor = state_->acceptor;
    error_code error;
    tcp::resolver resolver(*state_->contexts.front());
    const auto endpoints = resolver.resolve(
        host, std::to_string(port), tcp::resolver::passive | tcp::resolver::numeric_service, error);
    if (!error && !endpoints.empty()) {
        const tcp::endpoint endpoint = *endpoints.begin();
        acceptor.open(endpoint.protocol(), error);
        // SO_REUSEADDR allows a quick restart while old connections linger in TIME_WAIT; not
        // SO_REUSEPORT, which would let a second server share the port (and split requests
        // between two databases).
        if (!error) acceptor.set_option(tcp::acceptor::reuse_address(true), error);
        if (!error) acceptor.bind(endpoint, error);
        if (!error) acceptor.listen(asio::socket_base::max_listen_connections, error);
    }
    if (error || endpoints.empty())
        throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) + " (" +
                                 (error ? error.message() : "no such address") +
                                 "; is another program using that port?)");
    return acceptor.local_endpoint().port();
}

void HttpServer::run() {
    std::vector<std::thread> threads;
    for (size_t i = 1; i < state_->contexts.size(); ++i)
        threads.emplace_back([context = state_->contexts[i].get()] { context->run(); });
    asio::post(*state_->contexts.front(), [this] { state_->accept(); });
    state_->contexts.front()->run();
    for (auto& thread : threads)
        thread.join();
}

void HttpServer::stop() {
    asio::post(*state_->contexts.front(), [this] {
        error_code ignored;
        state_->acceptor.close(ignored);
        state_->accept_retry.cancel();
    });
    // Requests being handled finish; their answers are posted before the stop below, so they
    // are still written.
    state_->workers->wait_idle();
    for (auto& context : state_->contexts)
        asio::post(*context, [context = context.get()] { context->stop(); });
}

} // namespace orchard::http
