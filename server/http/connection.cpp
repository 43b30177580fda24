#include "server/http/connection.h"

#include "protocol/errors.h"
#include "server/http/forwarded_for.h"
#include "server/http/gzip.h"
#include "server/http/wire_format.h"

#include <array>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <chrono>
#include <strings.h>

namespace orchard::http {

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;
using boost::system::error_code;

struct Connection::Outgoing {
    std::string head;
    Response response;
    bool head_only = false; // a HEAD request: the headers of the answer, not its body
    bool keep_alive = true;
};

namespace {

constexpr int kGenericError = static_cast<int>(protocol::ErrorCode::Generic);

// Beast 1.74 has Boost's string_view, not the standard one.
std::string_view std_view(boost::beast::string_view text) {
    return {text.data(), text.size()};
}

// The request as our handlers see it; false when its target is not a path.
bool to_request(bhttp::request<bhttp::string_body>&& message, const std::string& address,
                const std::vector<std::string>& trusted_proxies, Request& request) {
    if (!wire::parse_target(std_view(message.target()), request)) return false;
    request.method = std::string(message.method_string());
    for (const auto& field : message)
        request.headers.emplace(std::string(field.name_string()), std::string(field.value()));
    request.body = std::move(message.body());
    // The last X-Forwarded-For line is the one the proxy in front of us added.
    const auto [first, end] = request.headers.equal_range("X-Forwarded-For");
    const std::string_view forwarded = first == end ? std::string_view() : std::prev(end)->second;
    request.remote_address = client_address(address, forwarded, trusted_proxies);
    return true;
}

// Inflates a gzip body in place; an error answer when it cannot be or grows past the limit.
std::optional<Response> decode_body(Request& request, size_t max_bytes) {
    auto encoding = request.header("Content-Encoding");
    if (!encoding || strcasecmp(encoding->c_str(), "identity") == 0) return std::nullopt;
    try {
        auto inflated = gzip_decompress(request.body, max_bytes);
        if (!inflated)
            return Response::error(400, kGenericError, "The request body is not valid gzip.");
        request.body = std::move(*inflated);
    } catch (const BodyTooLarge&) {
        return Response::error(413, kGenericError,
                               "The request body is larger than " + std::to_string(max_bytes) +
                                   " bytes once inflated.");
    }
    request.headers.erase("Content-Encoding");
    return std::nullopt;
}

// Runs the handler for one request, on a worker: everything that may take time or CPU.
Response answer(const ConnectionContext& context, Request& request) {
    if (auto refused = decode_body(request, context.options.max_body_bytes)) return *refused;
    try {
        Response response = context.handler(request);
        wire::compress_if_worthwhile(request, response);
        return response;
    } catch (const std::exception& error) {
        context.errors->write(request.method + " " + request.path + ": " + error.what());
        return Response::error(500, kGenericError, "Internal server error.");
    }
}

bool is_content_coding_we_read(std::string_view coding) {
    return strcasecmp(std::string(coding).c_str(), "gzip") == 0 ||
           strcasecmp(std::string(coding).c_str(), "x-gzip") == 0 ||
           strcasecmp(std::string(coding).c_str(), "identity") == 0;
}

} // namespace

Connection::Connection(asio::ip::tcp::socket socket, std::string address,
                       std::shared_ptr<const ConnectionContext> context)
    : socket_(std::move(socket)), deadline_(socket_.get_executor()),
      buffer_(context->options.max_header_bytes + 64 * 1024), address_(std::move(address)),
      context_(std::move(context)) {}

Connection::~Connection() {
    context_->limits->release(address_);
}

void Connection::set_deadline(std::chrono::milliseconds after) {
    deadline_.expires_after(after);
    deadline_.async_wait([weak = weak_from_this()](const error_code& error) {
        if (error) return; // cancelled or moved: a new deadline or none
        if (auto self = weak.lock()) self->close();
    });
}

void Connection::close() {
    if (closed_) return;
    closed_ = true;
    body_reservation_.reset();
    deadline_.cancel();
    error_code ignored;
    socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
}

void Connection::wait_for_request() {
    if (closed_) return;
    if (buffer_.size() > 0) return read_header(); // pipelined: the next request is here already
    // Idle between requests: hold no memory beyond the socket while the client thinks.
    buffer_.shrink_to_fit();
    set_deadline(context_->options.idle_timeout);
    socket_.async_wait(asio::ip::tcp::socket::wait_read,
                       [self = shared_from_this()](const error_code& error) {
                           if (error) return self->close();
                           self->read_header();
                       });
}

void Connection::read_header() {
    if (closed_) return;
    // One deadline from here to the end of the body: a client trickling a byte at a time gets
    // no more time than one sending it all at once.
    set_deadline(context_->options.request_timeout);
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(context_->options.max_header_bytes));
    parser_->body_limit(context_->options.max_body_bytes);
    bhttp::async_read_header(
        socket_, buffer_, *parser_,
        [self = shared_from_this()](const error_code& error, size_t) { self->on_header(error); });
}

void Connection::on_header(const error_code& error) {
    if (closed_) return;
    if (error == bhttp::error::end_of_stream || error == asio::error::eof ||
        error == asio::error::connection_reset || error == asio::error::operation_aborted)
        return close();
    if (error == bhttp::error::body_limit) // a Content-Length past the limit is known here
        return refuse(413, "The request body is larger than " +
                               std::to_string(context_->options.max_body_bytes) + " bytes.");
    if (error == bhttp::error::header_limit)
        return refuse(431, "The request headers are larger than " +
                               std::to_string(context_->options.max_header_bytes) + " bytes.");
    if (error) return refuse(400, "The request could not be read (" + error.message() + ").");

    const auto& message = parser_->get();
    const auto transfer = message.find(bhttp::field::transfer_encoding);
    if (transfer != message.end()) {
        // Only "chunked" alone: any other transfer coding, or one beside a Content-Length, is
        // how requests are smuggled past a proxy that reads the framing differently.
        if (!boost::beast::iequals(transfer->value(), "chunked") ||
            message.count(bhttp::field::transfer_encoding) != 1 ||
            message.count(bhttp::field::content_length) != 0)
            return refuse(400, "Only Transfer-Encoding: chunked, without a Content-Length, "
                               "is accepted.");
    }
    const auto encoding = message.find(bhttp::field::content_encoding);
    if (encoding != message.end() && !is_content_coding_we_read(std_view(encoding->value())))
        return refuse(415, "The request body's Content-Encoding must be gzip or identity.");
    const auto length = parser_->content_length();
    if (length && *length > context_->options.max_body_bytes)
        return refuse(413, "The request body is larger than " +
                               std::to_string(context_->options.max_body_bytes) + " bytes.");

    if (!reserve_body_memory()) return;

    const auto expect = message.find(bhttp::field::expect);
    if (expect != message.end() && boost::beast::iequals(expect->value(), "100-continue") &&
        !parser_->is_done()) {
        asio::async_write(socket_, asio::buffer(wire::kContinue.data(), wire::kContinue.size()),
                          [self = shared_from_this()](const error_code& write_error, size_t) {
                              if (write_error) return self->close();
                              self->read_body();
                          });
        return;
    }
    read_body();
}

bool Connection::reserve_body_memory() {
    if (parser_->is_done()) return true; // no body
    const size_t limit = context_->options.max_body_bytes;
    const auto& message = parser_->get();
    const auto length = parser_->content_length();
    // A chunked body may be as large as the limit; a gzip body is held twice on its worker, as
    // read and inflated (up to the limit).
    size_t bytes = length ? static_cast<size_t>(*length) : limit;
    const auto encoding = message.find(bhttp::field::content_encoding);
    if (encoding != message.end() && !boost::beast::iequals(encoding->value(), "identity"))
        bytes += limit;
    auto reservation = context_->bodies->reserve(bytes);
    if (!reservation) {
        refuse(503,
               "The server is reading as many request bodies as it can hold at once. "
               "Try again in a moment.",
               1);
        return false;
    }
    body_reservation_ = std::make_shared<BodyBudget::Reservation>(std::move(*reservation));
    return true;
}

void Connection::read_body() {
    if (closed_) return;
    if (parser_->is_done()) return on_body({});
    bhttp::async_read(
        socket_, buffer_, *parser_,
        [self = shared_from_this()](const error_code& error, size_t) { self->on_body(error); });
}

void Connection::on_body(const error_code& error) {
    if (closed_) return;
    if (error == bhttp::error::body_limit)
        return refuse(413, "The request body is larger than " +
                               std::to_string(context_->options.max_body_bytes) + " bytes.");
    if (error == bhttp::error::end_of_stream || error == bhttp::error::partial_message ||
        error == asio::error::eof || error == asio::error::connection_reset ||
        error == asio::error::operation_aborted)
        return close();
    if (error) return refuse(400, "The request could not be read (" + error.message() + ").");

    // The handler's time is ours, not the client's: no deadline while it runs.
    deadline_.cancel();
    const bool keep_alive = parser_->get().keep_alive();
    Request request;
    const bool readable =
        to_request(parser_->release(), address_, context_->options.trusted_proxies, request);
    parser_.reset();
    if (!readable) return refuse(400, "The request target must be a path starting with '/'.");

    context_->workers->post([self = shared_from_this(), request = std::move(request), keep_alive,
                             // Held while the request's body is.
                             reservation = std::move(body_reservation_)]() mutable {
        const auto start = std::chrono::steady_clock::now();
        const ConnectionContext& context = *self->context_;
        auto outgoing = std::make_shared<Outgoing>();
        outgoing->response = answer(context, request);
        outgoing->head_only = request.method == "HEAD";
        outgoing->keep_alive = keep_alive;
        outgoing->head = wire::serialize_head(outgoing->response, keep_alive);
        if (context.options.log_requests) {
            const std::chrono::duration<double, std::milli> elapsed =
                std::chrono::steady_clock::now() - start;
            log_request(request, outgoing->response.status, outgoing->response.body_bytes().size(),
                        elapsed.count());
        }
        // The body's share of the budget is free before the answer leaves: a client that has
        // its answer may send the next body at once.
        std::string().swap(request.body);
        reservation.reset();
        auto executor = self->socket_.get_executor();
        asio::post(executor, [self = std::move(self), outgoing = std::move(outgoing)]() mutable {
            self->send(std::move(outgoing));
        });
    });
}

void Connection::send(std::shared_ptr<Outgoing> outgoing) {
    if (closed_) return;
    outgoing_ = std::move(outgoing);
    const std::string_view body =
        outgoing_->head_only ? std::string_view() : outgoing_->response.body_bytes();
    set_deadline(context_->options.write_timeout +
                 std::chrono::seconds(static_cast<long>(body.size() / (16 * 1024))));
    const std::array<asio::const_buffer, 2> buffers = {asio::buffer(outgoing_->head),
                                                       asio::buffer(body.data(), body.size())};
    asio::async_write(socket_, buffers,
                      [self = shared_from_this()](const error_code& error, size_t) {
                          if (error) return self->close();
                          const bool keep_alive = self->outgoing_->keep_alive;
                          self->outgoing_.reset();
                          if (!keep_alive) return self->linger();
                          self->wait_for_request();
                      });
}

void Connection::refuse(int status, std::string message, int retry_after_sec) {
    parser_.reset();
    body_reservation_.reset();
    auto outgoing = std::make_shared<Outgoing>();
    outgoing->response = Response::error(status, kGenericError, std::move(message));
    if (retry_after_sec > 0)
        outgoing->response.headers.emplace_back("Retry-After", std::to_string(retry_after_sec));
    outgoing->keep_alive = false;
    outgoing->head = wire::serialize_head(outgoing->response, false);
    send(std::move(outgoing));
}

void Connection::linger() {
    if (closed_) return;
    error_code ignored;
    socket_.shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    set_deadline(std::chrono::seconds(2));
    drain(256 * 1024);
}

void Connection::drain(size_t budget) {
    if (closed_) return;
    buffer_.clear();
    socket_.async_read_some(buffer_.prepare(4096), [self = shared_from_this(),
                                                    budget](const error_code& error, size_t read) {
        // Past the budget the client is still sending what we refused: no more waiting for it.
        if (error || read >= budget) return self->close();
        self->drain(budget - read);
    });
}

} // namespace orchard::http
