// Maps method + path patterns like "/api/v1/messages/{id}" to handlers. Unknown API paths and
// wrong methods answer with PROTOCOL.md error objects, never an HTML page.
#pragma once

#include "server/http/http_types.h"

#include <map>
#include <string>
#include <vector>

namespace orchard::http {

using PathParams = std::map<std::string, std::string>;
using RouteHandler = std::function<Response(const Request&, const PathParams&)>;

class Router {
  public:
    void add(std::string method, std::string pattern, RouteHandler handler);

    // The response of the matching route; nullopt when no route's pattern matches the path.
    // A path that matches only under another method answers 405.
    std::optional<Response> dispatch(const Request& request) const;

    struct Route {
        std::string method;
        std::string pattern;
        std::vector<std::string> segments;
        RouteHandler handler;
    };
    const std::vector<Route>& routes() const { return routes_; }

  private:
    std::vector<Route> routes_;
};

} // namespace orchard::http
