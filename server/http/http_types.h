// Our own request and response types. Handlers are plain functions from Request to Response, so
// they are tested without sockets; only http/connection.cpp and http/http_server.cpp know the
// HTTP library (Boost.Beast on Asio).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orchard::http {

// Header names compare case-insensitively, as HTTP requires.
struct CaseInsensitiveLess {
    bool operator()(const std::string& a, const std::string& b) const;
};
using Headers = std::multimap<std::string, std::string, CaseInsensitiveLess>;

struct Request {
    std::string method; // "GET", "POST", ...
    std::string path;   // without the query string
    std::multimap<std::string, std::string> query;
    Headers headers;
    std::string body;
    std::string remote_address;

    std::optional<std::string> header(const std::string& name) const;
    std::optional<std::string> query_value(const std::string& name) const;
    // Whether Accept-Encoding names `coding` (e.g. "gzip").
    bool accepts_encoding(std::string_view coding) const;
};

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    // A body held by something other than the response, sent without a copy per request: the
    // static files the server keeps in memory anyway, or a file mapped into memory (an export).
    // When `shared_owner` is set, `body` is empty and `shared_bytes` (owned by it) are sent.
    // Keeps a slow download from costing a copy of the file.
    std::shared_ptr<const void> shared_owner;
    std::string_view shared_bytes;

    // The bytes to send, whichever of the two holds them.
    std::string_view body_bytes() const;

    static Response json(int status, const nlohmann::json& body);
    // The PROTOCOL.md error object: {"error_code": code, "message": message}.
    static Response error(int status, int error_code, std::string message);
    void set_header(std::string name, std::string value);
};

using Handler = std::function<Response(const Request&)>;

} // namespace orchard::http
