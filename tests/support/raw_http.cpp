#include "tests/support/raw_http.h"

#include <arpa/inet.h>
#include <cctype>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace orchard::test {

int free_loopback_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    close(fd);
    return ntohs(address.sin_port);
}

namespace {

std::string lower(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

} // namespace

RawConnection::RawConnection(int port, const std::string& source) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) return;
    sockaddr_in from{};
    from.sin_family = AF_INET;
    inet_pton(AF_INET, source.c_str(), &from.sin_addr);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    int yes = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
        ::connect(fd_, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
        ::close(fd_);
        fd_ = -1;
    }
}

RawConnection::~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
}

RawConnection::RawConnection(RawConnection&& other) noexcept
    : fd_(other.fd_), pending_(std::move(other.pending_)) {
    other.fd_ = -1;
}

bool RawConnection::send(std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent <= 0) return false;
        bytes.remove_prefix(static_cast<size_t>(sent));
    }
    return true;
}

std::optional<RawConnection::Response>
RawConnection::read_response(std::chrono::milliseconds timeout, bool head_only) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto end_of_head = pending_.find("\r\n\r\n");
        if (end_of_head != std::string::npos) {
            Response response;
            const std::string head = pending_.substr(0, end_of_head);
            response.status = std::atoi(head.c_str() + head.find(' ') + 1);
            size_t line = head.find("\r\n");
            while (line != std::string::npos) {
                const size_t next = head.find("\r\n", line + 2);
                const std::string field = head.substr(line + 2, next - line - 2);
                const auto colon = field.find(':');
                if (colon != std::string::npos) {
                    size_t value = colon + 1;
                    while (value < field.size() && field[value] == ' ')
                        ++value;
                    response.headers[lower(field.substr(0, colon))] = field.substr(value);
                }
                line = next;
            }
            const auto length = response.headers.find("content-length");
            const size_t body_length =
                head_only || length == response.headers.end() ? 0 : std::stoul(length->second);
            if (pending_.size() >= end_of_head + 4 + body_length) {
                response.body = pending_.substr(end_of_head + 4, body_length);
                pending_.erase(0, end_of_head + 4 + body_length);
                return response;
            }
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return std::nullopt;
        pollfd poll_fd{fd_, POLLIN, 0};
        if (::poll(&poll_fd, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
        char buffer[65536];
        const ssize_t got = ::recv(fd_, buffer, sizeof buffer, 0);
        if (got <= 0) return std::nullopt;
        pending_.append(buffer, static_cast<size_t>(got));
    }
}

bool RawConnection::closed_within(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return false;
        pollfd poll_fd{fd_, POLLIN, 0};
        if (::poll(&poll_fd, 1, static_cast<int>(left.count())) <= 0) return false;
        char buffer[65536];
        const ssize_t got = ::recv(fd_, buffer, sizeof buffer, 0);
        if (got <= 0) return true;
    }
}

} // namespace orchard::test
