// What HTTP/1.1 looks like on the wire, apart from sockets: request targets into paths and query
// parameters, and a Response into its status line and headers. The connection code uses these;
// unit tests check them without a server.
#pragma once

#include "server/http/http_types.h"

#include <string>
#include <string_view>

namespace orchard::http::wire {

// %XX sequences decoded (an invalid one is kept as it is); '+' becomes a space where asked, as in
// query strings.
std::string percent_decode(std::string_view text, bool plus_as_space);

// Fills request.path and request.query from an origin-form target ("/path?a=1&b=2"); false for
// any other form ("*", "http://host/path"), which this server does not answer.
bool parse_target(std::string_view target, Request& request);

// Gzips the body when the client accepts gzip and it is text worth compressing (and not already
// encoded or shared: shared bodies are the static files, compressed once when loaded).
void compress_if_worthwhile(const Request& request, Response& response);

// The status line and headers, ending with the blank line. Content-Length is always sent (the
// length of the body, which a HEAD answer leaves off); `keep_alive` false adds Connection: close.
// A header whose name or value could break the framing (CR, LF, NUL) is dropped.
std::string serialize_head(const Response& response, bool keep_alive);

// "HTTP/1.1 100 Continue": sent before reading a body the client waits to send.
inline constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

} // namespace orchard::http::wire
