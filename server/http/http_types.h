// Our own request and response types. Handlers are plain functions from Request to Response, so
// they are tested without sockets; only http/httplib_server.cpp knows the HTTP library.
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
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
};

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;

    static Response json(int status, const nlohmann::json& body);
    // The PROTOCOL.md error object: {"error_code": code, "message": message}.
    static Response error(int status, int error_code, std::string message);
    void set_header(std::string name, std::string value);
};

using Handler = std::function<Response(const Request&)>;

} // namespace orchard::http
