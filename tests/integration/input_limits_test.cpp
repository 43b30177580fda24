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

TEST_CASE("input limits: the body limit is configuration") {
    orchard::test::TempDir dir;
    orchard::test::TestServer server(dir.path(), {"--quiet", "--max-body-kb", "8"});
    httplib::Client client(server.base_url());
    const auto body = [](std::size_t bytes) {
        return json{{"display_name", "x"}, {"padding", std::string(bytes, 'p')}}.dump();
    };
    auto over = client.Post("/api/v1/auth/guest", body(16 * 1024), "application/json");
    REQUIRE(over);
    CHECK(over->status == 413);
    auto under = client.Post("/api/v1/auth/guest", body(4 * 1024), "application/json");
    REQUIRE(under);
    CHECK(under->status == 201);
}

TEST_CASE("input limits: label and report comments are held to the message size limit") {
    orchard::test::TempDir dir;
    orchard::test::TestServer server(dir.path(), {"--quiet", "--demo"});
    httplib::Client client(server.base_url());
    auto registered = client.Post(
        "/api/v1/auth/register",
        json{{"username", "critic"}, {"display_name", "Critic"}, {"password", "long enough pw"}}
            .dump(),
        "application/json");
    REQUIRE(registered);
    REQUIRE(registered->status == 201);
    const httplib::Headers auth = {
        {"Authorization", "Bearer " + json::parse(registered->body)["token"].get<std::string>()}};
    REQUIRE(client.Post("/api/v1/auth/accept_terms", auth, "{}", "application/json")->status ==
            200);
    auto task = client.Post("/api/v1/tasks/", auth,
                            json{{"type", "label_initial_prompt"}, {"lang", "en"}}.dump(),
                            "application/json");
    REQUIRE(task);
    REQUIRE(task->status == 200);
    const std::string message_id = json::parse(task->body)["message_id"];
    const auto report = [&](std::size_t characters) {
        return client.Post("/api/v1/text_labels", auth,
                           json{{"message_id", message_id},
                                {"text", std::string(characters, 'r')},
                                {"labels", {{"spam", 1.0}}},
                                {"is_report", true}}
                               .dump(),
                           "application/json");
    };
    auto too_long = report(2001);
    REQUIRE(too_long);
    CHECK(too_long->status == 400);
    CHECK(json::parse(too_long->body, nullptr, false).value("error_code", -1) == 1008);
    auto fine = report(2000);
    REQUIRE(fine);
    CHECK(fine->status == 204);
    // A comment that starts with NUL would read back empty: refused, naming the NUL.
    auto nul = client.Post("/api/v1/text_labels", auth,
                           json{{"message_id", message_id},
                                {"text", std::string("\0hidden", 7)},
                                {"labels", {{"spam", 1.0}}},
                                {"is_report", true}}
                               .dump(),
                           "application/json");
    REQUIRE(nul);
    CHECK(nul->status == 400);
    CHECK(json::parse(nul->body, nullptr, false).value("message", "").find("NUL") !=
          std::string::npos);
}

TEST_CASE("input limits: values quoted in errors come back cut, and skip reasons are bounded") {
    orchard::test::TempDir dir;
    const std::string key = orchard::test::create_api_key(dir.path(), false);
    orchard::test::TestServer server(dir.path(), {"--quiet"});
    orchard::test::Frontend app(server.base_url(), key);

    // An unknown task type of 500 kB: refused, and the message quoting it stays short.
    const auto odd_type = app.request_task("ada", std::string(500'000, 'x') + "\xC3\xA9");
    CHECK(odd_type.status == 400);
    CHECK(odd_type.body.value("message", "").size() <= 1000);
    CHECK(odd_type.body.value("message", "").find("Unknown task type") != std::string::npos);

    // A skip with a 100 kB reason is refused and changes nothing: the task can still be skipped.
    auto task = app.request_task("ada", "initial_prompt");
    REQUIRE(task.status == 200);
    REQUIRE(app.ack("ada", task.body["id"], "fe-1").status == 204);
    const std::string path = "/api/v1/tasks/" + task.body["id"].get<std::string>() + "/nack";
    const auto long_reason = app.post(path, {{"reason", std::string(100'000, 'r')},
                                             {"user", orchard::test::Frontend::user("ada")}});
    CHECK(long_reason.status == 400);
    CHECK(long_reason.error_code() == 1008);
    CHECK(app.nack("ada", task.body["id"]).status == 204);
}
