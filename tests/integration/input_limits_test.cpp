// Bad input gets a PROTOCOL.md error object and changes nothing: bodies over the size limit,
// invalid UTF-8, fields over their length limits.
#include "tests/support/frontend.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>
#include <httplib.h>

using nlohmann::json;

TEST_CASE("input limits: oversized bodies, invalid UTF-8 and long fields are refused cleanly") {
    orchard::test::TempDir dir;
    orchard::test::TestServer server(dir.path(), {"--quiet"});
    httplib::Client client(server.base_url());

    // 2 MiB against the 1 MiB limit: answered by the HTTP layer, still in the error shape.
    const std::string huge =
        R"({"username":"ada","password":")" + std::string(2 << 20, 'a') + "\"}";
    auto too_big = client.Post("/api/v1/auth/register", huge, "application/json");
    REQUIRE(too_big);
    CHECK(too_big->status == 413);
    const json too_big_body = json::parse(too_big->body, nullptr, false);
    CHECK(too_big_body.value("error_code", -1) == 0);
    CHECK(too_big_body.value("message", "").find("larger than") != std::string::npos);

    // A name that is not UTF-8.
    auto not_utf8 = client.Post("/api/v1/auth/register",
                                "{\"username\":\"ad\xff\",\"password\":\"long enough pw\"}",
                                "application/json");
    REQUIRE(not_utf8);
    CHECK(not_utf8->status == 400);
    CHECK(json::parse(not_utf8->body, nullptr, false).value("error_code", -1) == 0);

    // Fields over their limits.
    auto long_name =
        client.Post("/api/v1/auth/register",
                    json{{"username", std::string(33, 'a')}, {"password", "long enough pw"}}.dump(),
                    "application/json");
    REQUIRE(long_name);
    CHECK(long_name->status == 400);
    auto long_password = client.Post(
        "/api/v1/auth/register",
        json{{"username", "ada"}, {"password", std::string(1025, 'p')}}.dump(), "application/json");
    REQUIRE(long_password);
    CHECK(long_password->status == 400);
    auto long_display =
        client.Post("/api/v1/auth/guest", json{{"display_name", std::string(65, 'n')}}.dump(),
                    "application/json");
    REQUIRE(long_display);
    CHECK(long_display->status == 400);

    // None of them created anything: "ada" is still free.
    auto fine = client.Post("/api/v1/auth/register",
                            json{{"username", "ada"}, {"password", "long enough pw"}}.dump(),
                            "application/json");
    REQUIRE(fine);
    CHECK(fine->status == 201);
}
