#include "server/http/router.h"

#include <catch2/catch.hpp>

using namespace orchard::http;

namespace {

Request make(std::string method, std::string path) {
    Request request;
    request.method = std::move(method);
    request.path = std::move(path);
    return request;
}

Router sample_router() {
    Router router;
    router.add("GET", "/api/v1/messages/{id}", [](const Request&, const PathParams& params) {
        return Response::json(200, {{"id", params.at("id")}});
    });
    router.add("DELETE", "/api/v1/messages/{id}", [](const Request&, const PathParams&) {
        Response response;
        response.status = 204;
        return response;
    });
    return router;
}

} // namespace

TEST_CASE("router fills path parameters") {
    auto response = sample_router().dispatch(make("GET", "/api/v1/messages/abc"));
    REQUIRE(response);
    CHECK(response->body == R"({"id":"abc"})");
}

TEST_CASE("router answers HEAD with the GET route") {
    auto response = sample_router().dispatch(make("HEAD", "/api/v1/messages/abc"));
    REQUIRE(response);
    CHECK(response->status == 200);
}

TEST_CASE("router answers 405 with an error object and Allow for a known path") {
    auto response = sample_router().dispatch(make("PUT", "/api/v1/messages/abc"));
    REQUIRE(response);
    CHECK(response->status == 405);
    auto body = nlohmann::json::parse(response->body);
    CHECK(body["error_code"] == 0);
    CHECK(body["message"].get<std::string>().find("PUT") != std::string::npos);
    CHECK(response->headers.front() == std::pair<std::string, std::string>{"Allow", "GET, DELETE"});
}

TEST_CASE("router leaves unknown paths to the caller") {
    CHECK_FALSE(sample_router().dispatch(make("GET", "/api/v1/messages")));
    CHECK_FALSE(sample_router().dispatch(make("GET", "/api/v1/messages/a/b")));
}
