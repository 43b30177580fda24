// POST /api/v1/client_errors: a crash the browser client reports lands in the server's error log,
// on one line, bounded, and no address can fill the log with them.
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

httplib::Result report(httplib::Client& http, const json& body) {
    return http.Post("/api/v1/client_errors", body.dump(), "application/json");
}

} // namespace

TEST_CASE("client errors: a reported crash is logged on one line, bounded and rate limited") {
    orchard::test::TempDir dir;
    orchard::test::TestServer server(dir.path(), {"--quiet"});
    httplib::Client http(server.base_url());

    auto first =
        report(http, {{"message", "RuntimeError: memory access out of bounds\nerror: forged"},
                      {"stack", "at orchard.wasm.frame"},
                      {"url", "http://127.0.0.1/"},
                      {"client_version", "0.1.0"}});
    REQUIRE(first);
    CHECK(first->status == 204);
    const std::string log = server.output();
    CHECK(log.find("memory access out of bounds error: forged | stack: at orchard.wasm.frame") !=
          std::string::npos);
    CHECK(log.find("\nerror: forged") == std::string::npos); // no forged log line

    SECTION("a report without a message or with a huge one is refused and not logged") {
        auto empty = report(http, json::object());
        REQUIRE(empty);
        CHECK(empty->status == 400);
        CHECK(json::parse(empty->body).value("message", "").find("message") != std::string::npos);
        auto huge = report(http, {{"message", "x"}, {"stack", std::string(9000, 's')}});
        REQUIRE(huge);
        CHECK(huge->status == 400);
        auto wrong_type = report(http, {{"message", 42}});
        REQUIRE(wrong_type);
        CHECK(wrong_type->status == 400);
        CHECK(server.output().find(std::string(100, 's')) == std::string::npos);
    }
    SECTION("one address gets a few reports a minute, then 429 with Retry-After") {
        int accepted = 1, refused = 0;
        for (int i = 0; i < 10; ++i) {
            auto answer = report(http, {{"message", "crash " + std::to_string(i)}});
            REQUIRE(answer);
            if (answer->status == 204) ++accepted;
            if (answer->status == 429) {
                ++refused;
                CHECK(answer->has_header("Retry-After"));
            }
        }
        CHECK(accepted == 6);
        CHECK(refused == 5);
    }
}
