// Orchard's own accounts over HTTP against the real server (PROTOCOL.md §9): register, sign in,
// guests, sessions as bearer tokens, the terms before the first task.
#include "tests/support/api_routes.h"
#include "tests/support/frontend.h"
#include "tests/support/orchard_cli.h"
#include "tests/support/raw_http.h"
#include "tests/support/session_client.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <httplib.h>
#include <thread>

using nlohmann::json;
using orchard::test::ApiAnswer;
using orchard::test::Browser;

namespace {

// A server whose configuration the test changes through a trusted key, as an admin would.
struct ConfiguredServer {
    orchard::test::TempDir dir;
    std::string admin_key = orchard::test::create_api_key(dir.path(), /*trusted=*/true);
    orchard::test::TestServer server{dir.path(), {"--quiet"}};
    Browser browser{server.base_url()};
    orchard::test::Frontend admin{server.base_url(), admin_key};

    // A POST from another loopback address (another person's machine): its status.
    int post_from(const std::string& source, const std::string& path, const json& body) {
        orchard::test::RawConnection connection(server.port(), source);
        REQUIRE(connection.connected());
        const std::string text = body.dump();
        REQUIRE(connection.send("POST " + path +
                                " HTTP/1.1\r\nHost: orchard\r\nContent-Type: application/json\r\n"
                                "Content-Length: " +
                                std::to_string(text.size()) + "\r\n\r\n" + text));
        const auto answer = connection.read_response(std::chrono::seconds(10));
        REQUIRE(answer);
        return answer->status;
    }
};

struct Fixture {
    orchard::test::TempDir dir;
    orchard::test::TestServer server{dir.path(), {"--quiet"}};
    Browser browser{server.base_url()};

    std::string register_user(const std::string& username, const std::string& password) {
        const ApiAnswer answer = browser.post(
            "/api/v1/auth/register",
            {{"username", username}, {"display_name", "Ada L."}, {"password", password}});
        INFO(answer.body.dump());
        REQUIRE(answer.status == 201);
        return answer.body["token"];
    }
};

} // namespace

TEST_CASE("accounts: register, who am I, sign out, sign in again") {
    Fixture f;
    const std::string token = f.register_user("ada", "correct horse battery");
    const ApiAnswer me = f.browser.get("/api/v1/auth/me", token);
    REQUIRE(me.status == 200);
    CHECK(me.body["username"] == "ada");
    CHECK(me.body["display_name"] == "Ada L.");
    CHECK(me.body["role"] == "contributor");
    CHECK(me.body["guest"] == false);
    CHECK(me.body["terms_accepted"] == false);

    CHECK(f.browser.post("/api/v1/auth/logout", json::object(), token).status == 204);
    const ApiAnswer after = f.browser.get("/api/v1/auth/me", token);
    CHECK(after.status == 401);
    CHECK(after.error_code() == 600);

    const ApiAnswer login = f.browser.post(
        "/api/v1/auth/login", {{"username", "ADA"}, {"password", "correct horse battery"}});
    REQUIRE(login.status == 200);
    CHECK(login.body["user"]["id"] == me.body["id"]);
    CHECK(f.browser.get("/api/v1/auth/me", login.body["token"]).status == 200);
}

TEST_CASE("accounts: bad registrations and wrong passwords are refused and change nothing") {
    Fixture f;
    f.register_user("ada", "correct horse battery");
    const ApiAnswer taken = f.browser.post(
        "/api/v1/auth/register",
        {{"username", "Ada"}, {"display_name", "Other"}, {"password", "another password"}});
    CHECK(taken.status == 409);
    CHECK(taken.error_code() == 0);
    const ApiAnswer short_password =
        f.browser.post("/api/v1/auth/register", {{"username", "bob"}, {"password", "short"}});
    CHECK(short_password.status == 400);
    const ApiAnswer bad_name = f.browser.post(
        "/api/v1/auth/register", {{"username", "b o b"}, {"password", "long enough pw"}});
    CHECK(bad_name.status == 400);
    CHECK(
        f.browser.post("/api/v1/auth/login", {{"username", "bob"}, {"password", "short"}}).status ==
        401);

    const ApiAnswer wrong =
        f.browser.post("/api/v1/auth/login", {{"username", "ada"}, {"password", "wrong one!"}});
    CHECK(wrong.status == 401);
    CHECK(wrong.error_code() == 600);
    const ApiAnswer unknown =
        f.browser.post("/api/v1/auth/login", {{"username", "nobody"}, {"password", "whatever1"}});
    CHECK(unknown.status == 401);
    CHECK(unknown.body["message"] == wrong.body["message"]); // no hint which one exists
}

TEST_CASE("accounts: forged, truncated and revoked tokens are refused") {
    Fixture f;
    const std::string token = f.register_user("ada", "correct horse battery");
    const std::string other =
        f.browser
            .post("/api/v1/auth/login",
                  {{"username", "ada"}, {"password", "correct horse battery"}})
            .body["token"];
    for (const std::string& bad :
         {token.substr(0, token.size() - 1), token + "x", std::string(43, 'A'), std::string("")}) {
        INFO(bad);
        const ApiAnswer answer = f.browser.get("/api/v1/auth/me", bad);
        CHECK(answer.status == 401);
    }
    // Signing out everywhere ends every session of the account.
    CHECK(f.browser.post("/api/v1/auth/logout_all", json::object(), token).status == 204);
    CHECK(f.browser.get("/api/v1/auth/me", token).status == 401);
    CHECK(f.browser.get("/api/v1/auth/me", other).status == 401);
}

TEST_CASE("accounts: a signed-in person gets tasks only after accepting the terms") {
    Fixture f;
    const std::string token = f.register_user("ada", "correct horse battery");
    const json request = {{"type", "initial_prompt"}, {"lang", "en"}};
    const ApiAnswer refused = f.browser.post("/api/v1/tasks/", request, token);
    CHECK(refused.status == 451);
    CHECK(refused.error_code() == 4003);
    const ApiAnswer accepted = f.browser.post("/api/v1/auth/accept_terms", json::object(), token);
    REQUIRE(accepted.status == 200);
    CHECK(accepted.body["terms_accepted"] == true);
    const ApiAnswer task = f.browser.post("/api/v1/tasks/", request, token);
    INFO(task.body.dump());
    REQUIRE(task.status == 200);
    CHECK(task.body["type"] == "initial_prompt");
    // Without a session and without an API key, nothing.
    CHECK(f.browser.post("/api/v1/tasks/", request).status == 403);
}

TEST_CASE("accounts: a guest needs only a display name") {
    Fixture f;
    const ApiAnswer guest = f.browser.post("/api/v1/auth/guest", {{"display_name", "Kiosk 3"}});
    REQUIRE(guest.status == 201);
    CHECK(guest.body["user"]["guest"] == true);
    CHECK(guest.body["user"]["username"].is_null());
    const ApiAnswer me = f.browser.get("/api/v1/auth/me", guest.body["token"]);
    REQUIRE(me.status == 200);
    CHECK(me.body["display_name"] == "Kiosk 3");
    CHECK(f.browser.post("/api/v1/auth/guest", {{"display_name", ""}}).status == 400);
}

TEST_CASE("accounts: after too many wrong passwords that address waits, the owner elsewhere does "
          "not") {
    ConfiguredServer c;
    Browser& browser = c.browser;
    // A short window, so that the test can see it pass.
    REQUIRE(c.admin
                .put("/api/v1/admin/config",
                     {{"sign_in_failures_per_account", 3}, {"sign_in_window_sec", 2}})
                .status == 200);
    REQUIRE(browser
                .post("/api/v1/auth/register",
                      {{"username", "ada"}, {"password", "correct horse battery"}})
                .status == 201);
    const json right = {{"username", "ada"}, {"password", "correct horse battery"}};
    const json wrong = {{"username", "Ada"}, {"password", "guess number n"}};
    for (int i = 0; i < 3; ++i)
        CHECK(browser.post("/api/v1/auth/login", wrong).status == 401);
    const ApiAnswer blocked = browser.post("/api/v1/auth/login", right);
    CHECK(blocked.status == 429);
    CHECK(blocked.error_code() == 429);
    // The owner, signing in from another address, is not locked out by the stranger's guesses.
    CHECK(c.post_from("127.0.0.2", "/api/v1/auth/login", right) == 200);
    // Another account from the same address is not blocked by ada's failures.
    REQUIRE(
        browser
            .post("/api/v1/auth/register", {{"username", "bob"}, {"password", "another good one"}})
            .status == 201);
    CHECK(
        browser.post("/api/v1/auth/login", {{"username", "bob"}, {"password", "another good one"}})
            .status == 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));
    const ApiAnswer later = browser.post("/api/v1/auth/login", right);
    CHECK(later.status == 200);
}

TEST_CASE("accounts: orchard user add creates the first admin, whose role is trusted") {
    orchard::test::TempDir dir;
    REQUIRE(orchard::test::add_user(dir.path(), "root", "admin", "a long admin password"));

    orchard::test::TestServer server(dir.path(), {"--quiet"});
    Browser browser(server.base_url());
    const ApiAnswer login = browser.post(
        "/api/v1/auth/login", {{"username", "root"}, {"password", "a long admin password"}});
    REQUIRE(login.status == 200);
    CHECK(login.body["user"]["role"] == "admin");
    CHECK(browser.get("/api/v1/admin/config", login.body["token"]).status == 200);

    const ApiAnswer contributor = browser.post(
        "/api/v1/auth/register", {{"username", "ada"}, {"password", "correct horse battery"}});
    REQUIRE(contributor.status == 201);
    const ApiAnswer refused = browser.get("/api/v1/admin/config", contributor.body["token"]);
    CHECK(refused.status == 403);
    CHECK(refused.error_code() == 2);
}

TEST_CASE("accounts: a guest claims the account and keeps being the same person") {
    Fixture f;
    const ApiAnswer guest = f.browser.post("/api/v1/auth/guest", {{"display_name", "Kim"}});
    REQUIRE(guest.status == 201);
    const std::string token = guest.body["token"];
    const json credentials = {{"username", "kim"}, {"password", "kiosk to account"}};
    f.register_user("taken", "some password");
    CHECK(
        f.browser
            .post("/api/v1/auth/claim", {{"username", "Taken"}, {"password", "long enough"}}, token)
            .status == 409);
    const ApiAnswer claimed = f.browser.post("/api/v1/auth/claim", credentials, token);
    REQUIRE(claimed.status == 200);
    CHECK(claimed.body["guest"] == false);
    CHECK(claimed.body["username"] == "kim");
    CHECK(f.browser.post("/api/v1/auth/claim", credentials, token).status == 400); // once only
    const ApiAnswer login = f.browser.post("/api/v1/auth/login", credentials);
    REQUIRE(login.status == 200);
    CHECK(login.body["user"]["id"] == guest.body["user"]["id"]);
}

TEST_CASE("accounts: change display name, leaderboard visibility and password") {
    Fixture f;
    const std::string token = f.register_user("ada", "correct horse battery");
    // A second session, as someone who learnt the old password would have.
    const ApiAnswer elsewhere = f.browser.post(
        "/api/v1/auth/login", {{"username", "ada"}, {"password", "correct horse battery"}});
    REQUIRE(elsewhere.status == 200);
    const std::string other_token = elsewhere.body["token"];
    const ApiAnswer renamed =
        f.browser.put("/api/v1/auth/me",
                      {{"display_name", "Ada Lovelace"}, {"show_on_leaderboard", false}}, token);
    REQUIRE(renamed.status == 200);
    CHECK(renamed.body["display_name"] == "Ada Lovelace");
    CHECK(renamed.body["show_on_leaderboard"] == false);
    const ApiAnswer wrong_current =
        f.browser.put("/api/v1/auth/me",
                      {{"password", "a new password"}, {"current_password", "nope nope"}}, token);
    CHECK(wrong_current.status == 401);
    CHECK(f.browser
              .put("/api/v1/auth/me",
                   {{"password", "a new password"}, {"current_password", "correct horse battery"}},
                   token)
              .status == 200);
    CHECK(f.browser
              .post("/api/v1/auth/login",
                    {{"username", "ada"}, {"password", "correct horse battery"}})
              .status == 401);
    CHECK(
        f.browser.post("/api/v1/auth/login", {{"username", "ada"}, {"password", "a new password"}})
            .status == 200);
    // The new password ends the other sessions; the one that changed it goes on.
    CHECK(f.browser.get("/api/v1/auth/me", other_token).status == 401);
    CHECK(f.browser.get("/api/v1/auth/me", token).status == 200);
}

TEST_CASE("accounts: deleting an account keeps its content and frees the username") {
    orchard::test::TempDir dir;
    const std::string key = orchard::test::create_api_key(dir.path(), /*trusted=*/true);
    orchard::test::TestServer server(dir.path(), {"--quiet"});
    Browser browser(server.base_url());
    const ApiAnswer registered = browser.post(
        "/api/v1/auth/register", {{"username", "ada"}, {"password", "correct horse battery"}});
    REQUIRE(registered.status == 201);
    const std::string token = registered.body["token"];
    REQUIRE(browser.post("/api/v1/auth/accept_terms", json::object(), token).status == 200);
    // Ada writes a prompt through the task lifecycle.
    const ApiAnswer task =
        browser.post("/api/v1/tasks/", {{"type", "initial_prompt"}, {"lang", "en"}}, token);
    REQUIRE(task.status == 200);
    REQUIRE(browser
                .post("/api/v1/tasks/" + task.body["id"].get<std::string>() + "/ack",
                      {{"message_id", "f-1"}}, token)
                .status == 204);
    const ApiAnswer done = browser.post("/api/v1/tasks/interaction",
                                        {{"type", "text_reply_to_message"},
                                         {"message_id", "f-1"},
                                         {"user_message_id", "m-1"},
                                         {"text", "How do tides work?"},
                                         {"lang", "en"}},
                                        token);
    REQUIRE(done.status == 200);
    const std::string message_id = done.body["id"];
    const std::string ada_id = browser.get("/api/v1/auth/me", token).body["id"];
    orchard::test::Frontend moderator(server.base_url(), key);
    auto on_board = [&](const char* frame) {
        const auto board = moderator.get(std::string("/api/v1/leaderboards/") + frame).body;
        for (const auto& row : board["leaderboard"])
            if (row["user_id"] == ada_id) return true;
        return false;
    };
    for (const char* frame : {"day", "week", "month", "total"})
        REQUIRE(on_board(frame)); // the prompt counts

    CHECK(browser.del("/api/v1/auth/me", token).status == 204);
    for (const char* frame : {"day", "week", "month", "total"}) {
        INFO(frame);
        CHECK_FALSE(on_board(frame));
    }
    CHECK(browser.get("/api/v1/auth/me", token).status == 401);
    CHECK(browser
              .post("/api/v1/auth/login",
                    {{"username", "ada"}, {"password", "correct horse battery"}})
              .status == 401);
    const ApiAnswer message = moderator.get("/api/v1/messages/" + message_id);
    REQUIRE(message.status == 200);
    CHECK(message.body["text"] == "How do tides work?");
    // The name is free for someone new.
    CHECK(
        browser.post("/api/v1/auth/register", {{"username", "ada"}, {"password", "another person"}})
            .status == 201);
}

TEST_CASE("limits: task requests beyond the per-user limit get 429 and Retry-After") {
    orchard::test::TempDir dir;
    const std::string key = orchard::test::create_api_key(dir.path(), /*trusted=*/true);
    orchard::test::TestServer server(dir.path(), {"--quiet"});
    orchard::test::Frontend frontend(server.base_url(), key);
    REQUIRE(frontend
                .put("/api/v1/admin/config",
                     {{"task_requests_per_user", 3}, {"task_requests_period_sec", 60}})
                .status == 200);
    for (int i = 0; i < 3; ++i)
        CHECK(frontend.request_task("ada", "initial_prompt").status == 200);
    httplib::Client raw(server.base_url());
    const json body = {{"type", "initial_prompt"}, {"user", orchard::test::Frontend::user("ada")}};
    auto refused =
        raw.Post("/api/v1/tasks/", {{"X-API-Key", key}}, body.dump(), "application/json");
    REQUIRE(refused);
    CHECK(refused->status == 429);
    CHECK(json::parse(refused->body)["error_code"] == 429);
    REQUIRE(refused->has_header("Retry-After"));
    CHECK(std::stoi(refused->get_header_value("Retry-After")) == 20); // 60 s / 3 requests
    // Someone else is not held back.
    CHECK(frontend.request_task("bob", "initial_prompt").status == 200);
}

TEST_CASE(
    "accounts: one address makes a few new accounts an hour, guests and registrations alike") {
    ConfiguredServer c;
    Browser& browser = c.browser;
    // (A body may name the user it acts for, as every request may: not taken for a setting.)
    REQUIRE(c.admin
                .put("/api/v1/admin/config", {{"new_accounts_per_address", 3},
                                              {"user", orchard::test::Frontend::user("an-admin")}})
                .status == 200);
    CHECK(browser.post("/api/v1/auth/guest", {{"display_name", "Puppet 1"}}).status == 201);
    CHECK(browser.post("/api/v1/auth/guest", {{"display_name", "Puppet 2"}}).status == 201);
    CHECK(browser
              .post("/api/v1/auth/register",
                    {{"username", "puppet3"}, {"password", "long enough one"}})
              .status == 201);
    const ApiAnswer refused = browser.post("/api/v1/auth/guest", {{"display_name", "Puppet 4"}});
    CHECK(refused.status == 429);
    CHECK(refused.error_code() == 429);
    // Trying a taken username counts as well: no enumerating accounts by the thousand.
    CHECK(browser
              .post("/api/v1/auth/register",
                    {{"username", "puppet3"}, {"password", "long enough one"}})
              .status == 429);
    // Another address is not held back.
    CHECK(c.post_from("127.0.0.3", "/api/v1/auth/guest", {{"display_name", "Someone else"}}) ==
          201);
}

TEST_CASE("accounts: reacting, reporting and labeling wait for the terms too") {
    orchard::test::TempDir dir;
    const std::string key = orchard::test::create_api_key(dir.path(), /*trusted=*/true);
    orchard::test::TestServer server(dir.path(), {"--quiet"});
    orchard::test::Frontend frontend(server.base_url(), key);
    orchard::test::SampleIds ids;
    orchard::test::create_sample_things(frontend, ids);
    Browser browser(server.base_url());
    const ApiAnswer guest = browser.post("/api/v1/auth/guest", {{"display_name", "Puppet"}});
    REQUIRE(guest.status == 201);
    const std::string token = guest.body["token"];
    const std::string emoji_path = "/api/v1/messages/" + ids.message_id + "/emoji";
    const json flag = {{"op", "add"}, {"emoji", "red_flag"}};
    const json report = {{"type", "text_labels"},
                         {"message_id", ids.message_id},
                         {"labels", {{"spam", 1}}},
                         {"text", "spam"},
                         {"is_report", true}};
    const ApiAnswer flagged = browser.post(emoji_path, flag, token);
    CHECK(flagged.status == 451);
    CHECK(flagged.error_code() == 4003);
    const ApiAnswer reported = browser.post("/api/v1/text_labels", report, token);
    CHECK(reported.status == 451);
    CHECK(reported.error_code() == 4003);
    REQUIRE(browser.post("/api/v1/auth/accept_terms", json::object(), token).status == 200);
    CHECK(browser.post(emoji_path, flag, token).status == 200);
    CHECK(browser.post("/api/v1/text_labels", report, token).status == 204);
}
