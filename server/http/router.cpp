#include "server/http/router.h"

#include "protocol/errors.h"

namespace orchard::http {

namespace {

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> segments;
    std::string current;
    for (char c : path) {
        if (c == '/') {
            if (!current.empty()) segments.push_back(std::move(current));
            current.clear();
        } else {
            current.push_back(c);
        }
    }
    if (!current.empty()) segments.push_back(std::move(current));
    return segments;
}

bool is_parameter(const std::string& segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool match(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
           PathParams& params) {
    if (pattern.size() != path.size()) return false;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (is_parameter(pattern[i])) {
            params[pattern[i].substr(1, pattern[i].size() - 2)] = path[i];
        } else if (pattern[i] != path[i]) {
            return false;
        }
    }
    return true;
}

} // namespace

void Router::add(std::string method, std::string pattern, RouteHandler handler) {
    auto segments = split_path(pattern);
    routes_.push_back(
        {std::move(method), std::move(pattern), std::move(segments), std::move(handler)});
}

std::optional<Response> Router::dispatch(const Request& request) const {
    const auto path = split_path(request.path);
    bool path_known = false;
    std::string allowed;
    for (const auto& route : routes_) {
        PathParams params;
        if (!match(route.segments, path, params)) continue;
        const bool head_as_get = request.method == "HEAD" && route.method == "GET";
        if (route.method == request.method || head_as_get) return route.handler(request, params);
        path_known = true;
        allowed += (allowed.empty() ? "" : ", ") + route.method;
    }
    if (!path_known) return std::nullopt;
    auto response = Response::error(405, static_cast<int>(protocol::ErrorCode::Generic),
                                    "Method " + request.method + " is not allowed on " +
                                        request.path + "; use " + allowed + ".");
    response.set_header("Allow", allowed);
    return response;
}

} // namespace orchard::http
