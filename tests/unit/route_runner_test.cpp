// The route runner (server/api/route_runner.h): the one place where refusals become error
// objects, where a body that is not an object is refused, and where a route's rate limit is
// enforced; and the route table it runs.
#include "server/api/route_runner.h"
#include "server/api/route_table.h"
#include "server/domain/domain_error.h"
#include "server/store/database.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

#include <set>
#include <stdexcept>
#include <string>

using namespace orchard;
using api::Access;
using api::Body;
using api::Call;
using api::Route;
using api::Work;

namespace {

struct Fixture {
    test::TempDir dir;
    std::unique_ptr<store::Database> database = store::Database::open(dir.path() / "orchard.db");
    api::ApiServices services{*database, {}, 1};
    domain::MemoryRateLimiter limiter;

    http::Response run(const Route& route, std::string body = "") {
        http::Request request;
        request.method = route.method;
        request.path = route.pattern;
        request.body = std::move(body);
        request.remote_address = "192.0.2.1";
        return api::run_route(route, services, &limiter, request, {});
    }
};

nlohmann::json body_of(const http::Response& response) {
    return nlohmann::json::parse(response.body);
}

std::vector<domain::RateLimit> one_a_minute(Call& call) {
    return {{"address:" + call.request.remote_address, 1, 60'000}};
}
const api::RateLimitRule kOneAMinute = {one_a_minute, "Once a minute."};

} // namespace

TEST_CASE("route runner: a refusal becomes its error object, with the headers of any answer") {
    Fixture fixture;
    const Route route{"GET", "/api/v1/refuses", Access::Public, Work::OwnTransactions,
                      +[](Call& call) -> http::Response {
                          call.set_header_on_any_answer("Cache-Control", "no-store");
                          throw domain::refusal(409, "Taken.");
                      }};
    const auto response = fixture.run(route);
    CHECK(response.status == 409);
    CHECK(body_of(response) == nlohmann::json{{"error_code", 0}, {"message", "Taken."}});
    bool header = false;
    for (const auto& [name, value] : response.headers)
        header = header || (name == "Cache-Control" && value == "no-store");
    CHECK(header);
}

TEST_CASE("route runner: a body that is not an object is refused before the handler") {
    Fixture fixture;
    const auto handler = +[](Call&) -> http::Response { throw std::logic_error("not reached"); };
    const Route fields{"POST", "/api/v1/fields", Access::Public, Work::OwnTransactions, handler};
    const Route account{"POST",         "/api/v1/account",
                        Access::Public, Work::OwnTransactions,
                        handler,        {.body = Body::AccountFields}};
    CHECK(body_of(fixture.run(fields, "{")).at("message") == "The request body is not valid JSON.");
    CHECK(fixture.run(fields, "[1]").status == 400);
    for (const char* body : {"{", "[1]", "null"}) {
        const auto response = fixture.run(account, body);
        CHECK(response.status == 400);
        CHECK(body_of(response).at("message") == "The request body is not a JSON object.");
    }
    const Route ignored{"POST",
                        "/api/v1/ignored",
                        Access::Public,
                        Work::OwnTransactions,
                        +[](Call& call) { return http::Response::json(200, call.body); },
                        {.body = Body::Ignored}};
    CHECK(body_of(fixture.run(ignored, "not json")) == nlohmann::json::object());
}

TEST_CASE("route runner: a rate limit refuses with 429 and Retry-After once spent") {
    Fixture fixture;
    const Route route{"POST",
                      "/api/v1/limited",
                      Access::Public,
                      Work::OwnTransactions,
                      +[](Call& call) {
                          call.take_rate_limit();
                          return api::no_content();
                      },
                      {.limit = &kOneAMinute}};
    CHECK(fixture.run(route).status == 204);
    const auto refused = fixture.run(route);
    CHECK(refused.status == 429);
    CHECK(body_of(refused).at("error_code") == 429);
    CHECK(body_of(refused).at("message") == "Once a minute.");
    bool retry_after = false;
    for (const auto& [name, value] : refused.headers)
        retry_after = retry_after || (name == "Retry-After" && std::stoi(value) > 0);
    CHECK(retry_after);
}

TEST_CASE("route runner: a limited route that succeeds without taking its limit is a fault") {
    Fixture fixture;
    const Route route{"POST",
                      "/api/v1/forgets",
                      Access::Public,
                      Work::OwnTransactions,
                      +[](Call&) { return api::no_content(); },
                      {.limit = &kOneAMinute}};
    CHECK_THROWS_AS(fixture.run(route), std::logic_error);
}

TEST_CASE("route table: each method and pattern once, each with a handler") {
    std::set<std::string> seen;
    for (const Route& route : api::route_table()) {
        CHECK(seen.insert(std::string(route.method) + " " + route.pattern).second);
        CHECK(route.handler != nullptr);
    }
    CHECK(seen.size() > 50);
}
