// One client connection: reads requests with Beast's parser under deadlines and limits, hands
// each to the worker pool, and writes the answers back in order. It lives as long as an
// operation on its socket (or a worker's job) holds it; an idle connection is a socket, a timer
// and an empty buffer.
#pragma once

#include "server/http/body_budget.h"
#include "server/http/connection_limits.h"
#include "server/http/http_server.h"
#include "server/http/request_log.h"
#include "server/http/worker_pool.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <memory>
#include <optional>
#include <string>

namespace orchard::http {

// What every connection of one server shares.
struct ConnectionContext {
    Handler handler;
    ServerOptions options;
    WorkerPool* workers;
    ErrorLog* errors;
    ConnectionLimits* limits;
    BodyBudget* bodies;
};

class Connection : public std::enable_shared_from_this<Connection> {
  public:
    Connection(boost::asio::ip::tcp::socket socket, std::string address,
               std::shared_ptr<const ConnectionContext> context);
    ~Connection();

    void start() { wait_for_request(); }
    boost::asio::ip::tcp::socket::executor_type executor() { return socket_.get_executor(); }

  private:
    struct Outgoing;

    void wait_for_request();
    void read_header();
    void on_header(const boost::system::error_code& error);
    // Takes the body's bytes from the budget (false: refused, the answer is on its way).
    bool reserve_body_memory();
    void read_body();
    void on_body(const boost::system::error_code& error);
    void send(std::shared_ptr<Outgoing> outgoing);
    // Answers with a PROTOCOL.md error object and closes: for requests that cannot be read.
    // `retry_after_sec` > 0 adds a Retry-After header (a refusal for being busy).
    void refuse(int status, std::string message, int retry_after_sec = 0);
    // After an answer with Connection: close, read and drop what the client still sends for a
    // moment (up to a number of bytes), so that closing does not reset the connection before
    // the client has read the answer.
    void linger();
    void drain(size_t budget);
    void set_deadline(std::chrono::milliseconds after);
    void close();

    boost::asio::ip::tcp::socket socket_;
    boost::asio::steady_timer deadline_;
    boost::beast::flat_buffer buffer_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    std::string address_;
    std::shared_ptr<const ConnectionContext> context_;
    std::shared_ptr<Outgoing> outgoing_;
    // The current request's share of the body budget, from its headers until its handler is done.
    std::shared_ptr<BodyBudget::Reservation> body_reservation_;
    bool closed_ = false;
};

} // namespace orchard::http
