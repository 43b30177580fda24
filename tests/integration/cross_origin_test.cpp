// The API answers other sites' pages only when their origin is allowed (`--allow-origin`).
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>
#include <httplib.h>

namespace {

httplib::Result preflight(httplib::Client& client, const std::string& origin) {
    return client.Options("/api/v1/auth/login",
                          {{"Origin", origin},
                           {"Access-Control-Request-Method", "POST"},
                           {"Access-Control-Request-Headers", "content-type"}});
}

} // namespace

TEST_CASE("cross-origin: an allowed origin may call the API, others get no permission") {
    orchard::test::TempDir dir;
    orchard::test::TestServer server(dir.path(),
                                     {"--quiet", "--allow-origin", "https://embedder.example"});
    httplib::Client client(server.base_url());

    auto allowed = preflight(client, "https://embedder.example");
    REQUIRE(allowed);
    CHECK(allowed->status == 204);
    CHECK(allowed->get_header_value("Access-Control-Allow-Origin") == "https://embedder.example");
    CHECK(allowed->get_header_value("Access-Control-Allow-Headers").find("Authorization") !=
          std::string::npos);

    auto other = preflight(client, "https://evil.example");
    REQUIRE(other);
    CHECK_FALSE(other->has_header("Access-Control-Allow-Origin"));

    auto health = client.Get("/api/v1/health", {{"Origin", "https://embedder.example"}});
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(health->get_header_value("Access-Control-Allow-Origin") == "https://embedder.example");
    auto foreign = client.Get("/api/v1/health", {{"Origin", "https://evil.example"}});
    REQUIRE(foreign);
    CHECK_FALSE(foreign->has_header("Access-Control-Allow-Origin"));
}

TEST_CASE("cross-origin: by default no other origin is allowed") {
    orchard::test::TempDir dir;
    orchard::test::TestServer server(dir.path(), {"--quiet"});
    httplib::Client client(server.base_url());
    auto answer = preflight(client, "https://embedder.example");
    REQUIRE(answer);
    CHECK_FALSE(answer->has_header("Access-Control-Allow-Origin"));
}

TEST_CASE(
    "framing: no site may frame Orchard by default, and --embed-origin names those that may") {
    orchard::test::TempDir dir;
    auto policy = [](const orchard::test::TestServer& server, const std::string& path) {
        httplib::Client client(server.base_url());
        auto answer = client.Get(path);
        REQUIRE(answer);
        return answer->get_header_value("Content-Security-Policy");
    };
    {
        orchard::test::TestServer server(dir.path(), {"--quiet"});
        CHECK(policy(server, "/") == "frame-ancestors 'none'");
        CHECK(policy(server, "/index.html") == "frame-ancestors 'none'");
        CHECK(policy(server, "/no-such-page") == "frame-ancestors 'none'");
        // The public widgets show nothing to act on: any site may frame them.
        CHECK(policy(server, "/widgets/leaderboard.html") == "frame-ancestors *");
    }
    orchard::test::TestServer server(dir.path(),
                                     {"--quiet", "--embed-origin", "https://embedder.example",
                                      "--embed-origin", "http://127.0.0.1:9000"});
    CHECK(policy(server, "/") == "frame-ancestors https://embedder.example http://127.0.0.1:9000");
}
