#include "tests/support/httplib_transport.h"

#include <httplib.h>

namespace orchard::test {

HttplibTransport::HttplibTransport(const std::string& base_url)
    : http_(std::make_unique<httplib::Client>(base_url)) {
    http_->set_connection_timeout(2, 0);
    http_->set_read_timeout(10, 0);
}

HttplibTransport::~HttplibTransport() = default;

void HttplibTransport::send(client::HttpRequest request,
                            std::function<void(client::HttpResult)> done) {
    httplib::Headers headers(request.headers.begin(), request.headers.end());
    httplib::Result result =
        request.method == "GET" ? http_->Get(request.path, headers) : http_->send([&] {
            httplib::Request r;
            r.method = request.method;
            r.path = request.path;
            r.headers = headers;
            r.body = request.body;
            r.set_header("Content-Type", "application/json");
            return r;
        }());
    if (!result) {
        done({0, ""});
        return;
    }
    done({result->status, result->body});
}

} // namespace orchard::test
