// The real `orchard serve` on a free port, spoken to over real HTTP.
#include "tests/support/database_query.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_database.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

using nlohmann::json;
using orchard::test::TempDir;
using orchard::test::TestServer;

TEST_CASE("health reports version and database over HTTP") {
    TempDir dir;
    TestServer server(dir.path());
    httplib::Client http(server.base_url());
    auto response = http.Get("/api/v1/health");
    REQUIRE(response);
    CHECK(response->status == 200);
    CHECK(response->get_header_value("Content-Type") == "application/json");
    auto body = json::parse(response->body);
    CHECK(body["status"] == "ok");
    CHECK(body["database"] == "ok");
    CHECK(body["store"] == (orchard::test::on_postgres() ? "postgresql" : "sqlite"));
    CHECK(body["version"].get<std::string>().size() >= 5);
}

TEST_CASE("a PostgreSQL database the server cannot reach is a clear start-up error") {
    TempDir dir;
    // Port 1 of loopback: nothing listens there.
    CHECK_THROWS_WITH(TestServer(dir.path(), {"--database", "postgresql://orchard@127.0.0.1:1/x"}),
                      Catch::Contains("cannot connect to PostgreSQL"));
    CHECK_THROWS_WITH(TestServer(dir.path(), {"--database", "/tmp/a-file.db"}),
                      Catch::Contains("--database takes a postgresql:// URL"));
}

TEST_CASE("unknown API paths and wrong methods get PROTOCOL.md error objects") {
    TempDir dir;
    TestServer server(dir.path());
    httplib::Client http(server.base_url());
    auto missing = http.Get("/api/v1/no/such/thing");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    auto error = json::parse(missing->body);
    CHECK(error["error_code"] == 0);
    CHECK(error["message"].get<std::string>().find("/api/v1/no/such/thing") != std::string::npos);

    auto wrong_method = http.Post("/api/v1/health", "{}", "application/json");
    REQUIRE(wrong_method);
    CHECK(wrong_method->status == 405);
    CHECK(json::parse(wrong_method->body).contains("error_code"));
}

TEST_CASE("the client is served with the right types, compression and caching") {
    TempDir dir;
    TestServer server(dir.path());
    httplib::Client http(server.base_url());
    http.set_decompress(false);

    auto page = http.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(page->body.find("%ORCHARD_ASSET_VERSION%") == std::string::npos);
    CHECK(page->body.find("shell.js?v=") != std::string::npos);

    auto wasm = http.Get("/orchard.wasm", {{"Accept-Encoding", "gzip"}});
    REQUIRE(wasm);
    CHECK(wasm->status == 200);
    CHECK(wasm->get_header_value("Content-Type") == "application/wasm");
    CHECK(wasm->get_header_value("Content-Encoding") == "gzip");
    const auto etag = wasm->get_header_value("ETag");
    CHECK_FALSE(etag.empty());

    auto revalidated =
        http.Get("/orchard.wasm", {{"Accept-Encoding", "gzip"}, {"If-None-Match", etag}});
    REQUIRE(revalidated);
    CHECK(revalidated->status == 304);

    // The JavaScript arrives compressed, and decompresses to JavaScript (not compressed twice).
    http.set_decompress(true);
    auto script = http.Get("/orchard.js", {{"Accept-Encoding", "gzip"}});
    REQUIRE(script);
    CHECK(script->status == 200);
    CHECK(script->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
    CHECK(script->get_header_value("Content-Encoding") == "gzip");
    CHECK(script->body.find("function") != std::string::npos);

    // Small API bodies go out as they are; compressing them would cost more than it saves.
    http.set_decompress(false);
    auto health = http.Get("/api/v1/health", {{"Accept-Encoding", "gzip, br"}});
    REQUIRE(health);
    CHECK(health->get_header_value("Content-Encoding").empty());
    CHECK(nlohmann::json::parse(health->body)["status"] == "ok");
}

TEST_CASE("the server logs one line per request") {
    TempDir dir;
    TestServer server(dir.path());
    httplib::Client http(server.base_url());
    http.Get("/api/v1/health");
    http.Get("/api/v1/nowhere");
    server.stop();
    const auto log = server.output();
    CHECK(log.find("GET /api/v1/health 200") != std::string::npos);
    CHECK(log.find("GET /api/v1/nowhere 404") != std::string::npos);
}

TEST_CASE("SIGTERM stops the server cleanly and the database survives a restart") {
    TempDir dir;
    {
        TestServer server(dir.path());
        CHECK(server.stop() == 0);
        CHECK(server.output().find("Stopped.") != std::string::npos);
    }
    const std::string created_at = orchard::test::query_text(
        dir.path(), "SELECT value FROM server_meta WHERE key = 'created_at'");
    REQUIRE_FALSE(created_at.empty());
    if (!orchard::test::on_postgres())
        CHECK(orchard::test::query_text(dir.path(), "PRAGMA journal_mode") == "wal");

    TestServer again(dir.path());
    httplib::Client http(again.base_url());
    auto response = http.Get("/api/v1/health");
    REQUIRE(response);
    CHECK(response->status == 200);
    again.stop();
    CHECK(orchard::test::query_text(
              dir.path(), "SELECT value FROM server_meta WHERE key = 'created_at'") == created_at);
}

TEST_CASE("a port in use is a clear start-up error") {
    TempDir dir;
    TestServer first(dir.path() / "a");
    CHECK_THROWS_WITH(TestServer(dir.path() / "b", {"--port", std::to_string(first.port())}),
                      Catch::Contains("cannot listen"));
}
