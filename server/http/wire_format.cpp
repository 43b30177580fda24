#include "server/http/wire_format.h"

#include "server/http/gzip.h"

#include <boost/beast/http/status.hpp>
#include <strings.h>

namespace orchard::http::wire {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool frames_safely(std::string_view text) {
    return text.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

// Bodies smaller than this are sent as they are: compressing them costs more than it saves.
constexpr size_t kCompressFromBytes = 1024;

bool compressible(std::string_view content_type) {
    return content_type.starts_with("application/json") || content_type.starts_with("text/") ||
           content_type.starts_with("application/javascript");
}

} // namespace

std::string percent_decode(std::string_view text, bool plus_as_space) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size()) {
            const int high = hex_value(text[i + 1]);
            const int low = hex_value(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out.push_back(static_cast<char>(high * 16 + low));
                i += 2;
                continue;
            }
        }
        out.push_back(plus_as_space && c == '+' ? ' ' : c);
    }
    return out;
}

bool parse_target(std::string_view target, Request& request) {
    if (!target.starts_with('/')) return false;
    const auto question = target.find('?');
    request.path = percent_decode(target.substr(0, question), false);
    request.query.clear();
    if (question == std::string_view::npos) return true;
    std::string_view rest = target.substr(question + 1);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        if (pair.empty()) continue;
        const auto equals = pair.find('=');
        request.query.emplace(
            percent_decode(pair.substr(0, equals), true),
            equals == std::string_view::npos ? "" : percent_decode(pair.substr(equals + 1), true));
    }
    return true;
}

void compress_if_worthwhile(const Request& request, Response& response) {
    if (response.shared_owner || response.body.size() < kCompressFromBytes ||
        !compressible(response.content_type) || !request.accepts_encoding("gzip"))
        return;
    for (const auto& [name, value] : response.headers)
        if (strcasecmp(name.c_str(), "Content-Encoding") == 0) return;
    response.body = gzip_compress(response.body, 6);
    response.set_header("Content-Encoding", "gzip");
    bool varies = false;
    for (auto& [name, value] : response.headers) {
        if (strcasecmp(name.c_str(), "Vary") != 0) continue;
        varies = true;
        if (value.find("Accept-Encoding") == std::string::npos) value += ", Accept-Encoding";
    }
    if (!varies) response.set_header("Vary", "Accept-Encoding");
}

std::string serialize_head(const Response& response, bool keep_alive) {
    std::string head;
    head.reserve(256);
    head.append("HTTP/1.1 ").append(std::to_string(response.status)).push_back(' ');
    const auto reason = boost::beast::http::obsolete_reason(
        static_cast<boost::beast::http::status>(response.status));
    head.append(reason.data(), reason.size()).append("\r\n");
    const size_t length = response.body_bytes().size();
    const bool no_body = response.status == 204 || response.status == 304;
    if (!no_body) head.append("Content-Type: ").append(response.content_type).append("\r\n");
    for (const auto& [name, value] : response.headers) {
        if (!frames_safely(name) || !frames_safely(value) || name.empty()) continue;
        if (strcasecmp(name.c_str(), "Content-Length") == 0 ||
            strcasecmp(name.c_str(), "Connection") == 0 ||
            strcasecmp(name.c_str(), "Transfer-Encoding") == 0)
            continue; // framing is ours alone
        head.append(name).append(": ").append(value).append("\r\n");
    }
    if (!no_body) head.append("Content-Length: ").append(std::to_string(length)).append("\r\n");
    if (!keep_alive) head.append("Connection: close\r\n");
    head.append("\r\n");
    return head;
}

} // namespace orchard::http::wire
