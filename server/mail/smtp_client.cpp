#include "server/mail/smtp_client.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <regex>
#include <sys/socket.h>
#include <unistd.h>

namespace orchard::mail {

namespace {

class Connection {
  public:
    Connection(const SmtpRelay& relay)
        : timeout_ms_(static_cast<int>(relay.timeout.count() * 1000)) {
        addrinfo hints{};
        hints.ai_socktype = SOCK_STREAM;
        addrinfo* found = nullptr;
        if (getaddrinfo(relay.host.c_str(), std::to_string(relay.port).c_str(), &hints, &found) !=
            0)
            return;
        for (addrinfo* a = found; a && fd_ < 0; a = a->ai_next) {
            fd_ = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
            if (fd_ >= 0 && connect(fd_, a->ai_addr, a->ai_addrlen) != 0) {
                close(fd_);
                fd_ = -1;
            }
        }
        freeaddrinfo(found);
    }
    ~Connection() {
        if (fd_ >= 0) close(fd_);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    bool connected() const { return fd_ >= 0; }

    bool send(const std::string& data) {
        size_t sent = 0;
        while (sent < data.size()) {
            pollfd p{fd_, POLLOUT, 0};
            if (poll(&p, 1, timeout_ms_) <= 0) return false;
            const ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return false;
            sent += static_cast<size_t>(n);
        }
        return true;
    }

    // The reply's code (e.g. 250); multi-line replies ("250-...") are read to their last line.
    int reply() {
        while (true) {
            const auto line = read_line();
            if (!line || line->size() < 3) return -1;
            if (line->size() == 3 || (*line)[3] != '-')
                return std::atoi(line->substr(0, 3).c_str());
        }
    }

  private:
    std::optional<std::string> read_line() {
        while (true) {
            const auto end = buffer_.find("\r\n");
            if (end != std::string::npos) {
                std::string line = buffer_.substr(0, end);
                buffer_.erase(0, end + 2);
                return line;
            }
            pollfd p{fd_, POLLIN, 0};
            if (poll(&p, 1, timeout_ms_) <= 0) return std::nullopt;
            char chunk[512];
            const ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
            if (n <= 0) return std::nullopt;
            buffer_.append(chunk, static_cast<size_t>(n));
        }
    }

    int fd_ = -1;
    int timeout_ms_;
    std::string buffer_;
};

// A header value as RFC 2047 writes text beyond ASCII: "=?UTF-8?B?<base64>?=", so that a subject
// in Russian or Chinese arrives as written; ASCII stays as it is.
std::string header_text(const std::string& text) {
    bool ascii = true;
    for (const char c : text)
        if (static_cast<unsigned char>(c) >= 0x80 || c == '\r' || c == '\n') ascii = false;
    if (ascii) return text;
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string encoded = "=?UTF-8?B?";
    for (std::size_t at = 0; at < text.size(); at += 3) {
        const auto byte = [&](std::size_t i) {
            return i < text.size() ? static_cast<unsigned>(static_cast<unsigned char>(text[i]))
                                   : 0u;
        };
        const unsigned group = (byte(at) << 16) | (byte(at + 1) << 8) | byte(at + 2);
        encoded += kAlphabet[(group >> 18) & 63];
        encoded += kAlphabet[(group >> 12) & 63];
        encoded += at + 1 < text.size() ? kAlphabet[(group >> 6) & 63] : '=';
        encoded += at + 2 < text.size() ? kAlphabet[group & 63] : '=';
    }
    return encoded + "?=";
}

// The message as DATA sends it: CRLF line ends, and a dot at a line start doubled.
std::string data_section(const SmtpRelay& relay, const Email& email) {
    std::string text = "From: " + relay.from + "\r\nTo: " + email.to +
                       "\r\nSubject: " + header_text(email.subject) +
                       "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8"
                       "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
    size_t start = 0;
    while (start < email.body.size()) {
        size_t end = email.body.find('\n', start);
        if (end == std::string::npos) end = email.body.size();
        std::string line = email.body.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty() && line[0] == '.') line.insert(0, ".");
        text += line + "\r\n";
        start = end + 1;
    }
    return text + ".\r\n";
}

} // namespace

bool plausible_address(const std::string& address) {
    static const std::regex kAddress(R"([^\s<>@,;:"]+@[^\s<>@,;:"]+\.[^\s<>@,;:"]+)");
    return address.size() <= 254 && std::regex_match(address, kAddress);
}

std::optional<std::string> send_email(const SmtpRelay& relay, const Email& email) {
    if (!plausible_address(email.to) || !plausible_address(relay.from))
        return "not an e-mail address";
    if (email.subject.find_first_of("\r\n") != std::string::npos) return "bad subject";
    Connection smtp(relay);
    if (!smtp.connected())
        return "cannot connect to " + relay.host + ":" + std::to_string(relay.port);
    struct Step {
        std::string command;
        int expected;
    };
    if (smtp.reply() != 220) return "the relay did not greet";
    const Step steps[] = {{"EHLO orchard\r\n", 250},
                          {"MAIL FROM:<" + relay.from + ">\r\n", 250},
                          {"RCPT TO:<" + email.to + ">\r\n", 250},
                          {"DATA\r\n", 354},
                          {data_section(relay, email), 250},
                          {"QUIT\r\n", 221}};
    for (const Step& step : steps) {
        if (!smtp.send(step.command)) return "the relay stopped answering";
        const int code = smtp.reply();
        if (code != step.expected && !(step.expected == 221 && code == -1))
            return "the relay answered " + std::to_string(code) + " to " +
                   step.command.substr(0, step.command.find(' '));
    }
    return std::nullopt;
}

} // namespace orchard::mail
