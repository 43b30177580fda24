// Sends one plain-text e-mail through an SMTP relay (RFC 5321, no authentication, no TLS: the
// relay is expected on the same machine or network, e.g. a local Postfix). Used for sign-in
// links; blocking, with a timeout for every step.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace orchard::mail {

struct SmtpRelay {
    std::string host;
    int port = 25;
    std::string from; // the envelope and From: address
    std::chrono::seconds timeout{10};
};

struct Email {
    std::string to;
    std::string subject;
    std::string body; // plain text; lines end in \n
};

// Empty when the relay accepted the message, else what went wrong.
std::optional<std::string> send_email(const SmtpRelay& relay, const Email& email);

// A single address without spaces, angle brackets or line breaks (which could inject headers).
bool plausible_address(const std::string& address);

} // namespace orchard::mail
