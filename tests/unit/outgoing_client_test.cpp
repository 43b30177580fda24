#include "server/http/outgoing_client.h"
#include "server/http/url_encoding.h"
#include "tests/support/background_listen.h"

#include <catch2/catch.hpp>
#include <httplib.h>

using orchard::http::append_query;
using orchard::http::form_encode;
using orchard::http::OutgoingClient;
using orchard::http::OutgoingRequest;
using orchard::http::OutgoingResponse;

namespace {

// A server on a free loopback port that echoes what it was sent: the method, the path with its
// query, the body and two request headers, in response headers and the body.
class EchoServer {
  public:
    EchoServer() {
        const auto echo = [](const httplib::Request& request, httplib::Response& response) {
            response.set_header("X-Method", request.method);
            response.set_header("X-Target", request.target);
            response.set_header("X-Accept", request.get_header_value("Accept"));
            response.set_header("X-Content-Type", request.get_header_value("Content-Type"));
            response.status = 201;
            response.set_content(request.body, "text/plain");
        };
        server_.Get(".*", echo);
        server_.Post(".*", echo);
        port_ = server_.bind_to_any_port("127.0.0.1");
        REQUIRE(port_ > 0);
        thread_ = orchard::test::listen_in_background(server_);
    }
    ~EchoServer() {
        server_.stop();
        thread_.join();
    }
    int port() const { return port_; }

  private:
    httplib::Server server_;
    std::thread thread_;
    int port_ = 0;
};

OutgoingResponse answer_to(const OutgoingRequest& request) {
    auto result = OutgoingClient().send(request);
    if (auto* failure = std::get_if<std::string>(&result)) FAIL("no answer: " << *failure);
    return std::get<OutgoingResponse>(result);
}

} // namespace

TEST_CASE("outgoing client: a GET sends its headers and gets status, headers and body",
          "[outgoing]") {
    EchoServer server;
    const auto answer =
        answer_to({.url = "http://127.0.0.1:" + std::to_string(server.port()) + "/a/b?c=d",
                   .headers = {{"Accept", "application/json"}}});
    CHECK(answer.status == 201);
    CHECK(answer.header("x-method") == "GET"); // names compare case-insensitively
    CHECK(answer.header("X-Target") == "/a/b?c=d");
    CHECK(answer.header("X-Accept") == "application/json");
    CHECK(answer.header("X-Absent").empty());
}

TEST_CASE("outgoing client: a POST sends its body and content type, and a bare host means /",
          "[outgoing]") {
    EchoServer server;
    const auto answer = answer_to({.method = "POST",
                                   .url = "http://localhost:" + std::to_string(server.port()),
                                   .body = form_encode({{"b", "x y&z"}, {"a", "é"}}),
                                   .content_type = "application/x-www-form-urlencoded",
                                   .connect_to = "127.0.0.1"});
    CHECK(answer.header("X-Method") == "POST");
    CHECK(answer.header("X-Target") == "/");
    CHECK(answer.header("X-Content-Type") == "application/x-www-form-urlencoded");
    CHECK(answer.body == "a=%C3%A9&b=x%20y%26z"); // in name order
}

TEST_CASE("outgoing client: what it cannot call is an error, not an exception", "[outgoing]") {
    for (const std::string url : {"ftp://example.org/", "http://", "http://host:99999/",
                                  "http://[::1/", "example.org/path"}) {
        CAPTURE(url);
        CHECK(std::holds_alternative<std::string>(OutgoingClient().send({.url = url})));
    }
    // Port 9 on loopback: nothing listens, so the connection is refused at once.
    const auto refused = OutgoingClient().send({.url = "http://127.0.0.1:9/"});
    REQUIRE(std::holds_alternative<std::string>(refused));
    CHECK(!std::get<std::string>(refused).empty());
}

TEST_CASE("outgoing client: after stop(), a send fails at once", "[outgoing]") {
    EchoServer server;
    OutgoingClient client;
    client.stop();
    const auto result =
        client.send({.url = "http://127.0.0.1:" + std::to_string(server.port()) + "/"});
    REQUIRE(std::holds_alternative<std::string>(result));
    CHECK(std::get<std::string>(result) == "stopped");
}

TEST_CASE("url encoding: fields go after the URL's own query, in name order", "[outgoing]") {
    CHECK(append_query("https://id.example/authorize", {{"state", "s t"}, {"code", "1"}}) ==
          "https://id.example/authorize?code=1&state=s%20t");
    CHECK(append_query("https://id.example/authorize?prompt=none", {{"a", "b"}}) ==
          "https://id.example/authorize?prompt=none&a=b");
}
