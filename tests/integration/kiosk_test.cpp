// Kiosks at events (docs/kiosk.md) against the real server: `--kiosk EVENT` in health, guests
// tagged with the event, the event's public board, refusals that change nothing; and the client
// natively: one tap to start, the idle countdown, a visit that ends leaves nothing behind.
#include "client/app.h"
#include "tests/support/database_digest.h"
#include "tests/support/httplib_transport.h"
#include "tests/support/session_client.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>

using nlohmann::json;
using orchard::test::ApiAnswer;
using orchard::test::Browser;
using namespace orchard::client;

namespace {

struct KioskServer {
    orchard::test::TempDir dir;
    orchard::test::TestServer server{
        dir.path(), {"--quiet", "--demo", "--kiosk", "spring-fair", "--kiosk-idle-sec", "30"}};
    Browser browser{server.base_url()};

    // A guest of the event who accepted the terms and wrote one assistant reply: their token.
    std::string visitor_with_reply(const std::string& name) {
        const ApiAnswer guest =
            browser.post("/api/v1/auth/guest", {{"display_name", name}, {"event", "spring-fair"}});
        REQUIRE(guest.status == 201);
        const std::string token = guest.body["token"];
        REQUIRE(browser.post("/api/v1/auth/accept_terms", json::object(), token).status == 200);
        const ApiAnswer task =
            browser.post("/api/v1/tasks", {{"type", "assistant_reply"}, {"lang", "en"}}, token);
        INFO(task.body.dump());
        REQUIRE(task.status == 200);
        REQUIRE(browser
                    .post("/api/v1/tasks/" + task.body["id"].get<std::string>() + "/ack",
                          {{"message_id", "fe-" + name}}, token)
                    .status == 204);
        const ApiAnswer done = browser.post(
            "/api/v1/tasks/interaction",
            {{"type", "text_reply_to_message"},
             {"message_id", "fe-" + name},
             {"user_message_id", "fe-reply-" + name},
             {"text", "Start with the basics and practise a little every day, " + name + "."}},
            token);
        INFO(done.body.dump());
        REQUIRE(done.status == 200);
        return token;
    }

    std::vector<std::string> board_names() {
        const ApiAnswer board = browser.get("/api/v1/public/events/spring-fair/leaderboard");
        REQUIRE(board.status == 200);
        std::vector<std::string> names;
        for (const auto& row : board.body["leaderboard"])
            names.push_back(row["display_name"]);
        return names;
    }
};

} // namespace

TEST_CASE("kiosk: health names the event, and its guests, and only they, are on its board") {
    KioskServer k;
    const ApiAnswer health = k.browser.get("/api/v1/health");
    CHECK(health.body["kiosk"] == json{{"event", "spring-fair"}, {"idle_seconds", 30}});
    CHECK(k.board_names().empty());

    k.visitor_with_reply("Ana");
    k.visitor_with_reply("Bo");
    // A guest who did not start at the kiosk is not the event's.
    REQUIRE(k.browser.post("/api/v1/auth/guest", {{"display_name", "Elsewhere"}}).status == 201);
    const auto names = k.board_names();
    REQUIRE(names.size() == 2);
    CHECK(std::set<std::string>(names.begin(), names.end()) == std::set<std::string>{"Ana", "Bo"});
    const ApiAnswer board = k.browser.get("/api/v1/public/events/spring-fair/leaderboard");
    CHECK(board.body["leaderboard"][0]["leader_score"] == 4);
    CHECK_FALSE(board.body["leaderboard"][0].contains("user_id"));

    // Another event's board is empty; a name that is no event's name is refused.
    CHECK(
        k.browser.get("/api/v1/public/events/other-fair/leaderboard").body["leaderboard"].empty());
    const ApiAnswer bad = k.browser.get("/api/v1/public/events/Not%20An%20Event/leaderboard");
    CHECK(bad.status == 400);
    CHECK(bad.body["message"].get<std::string>().find("event") != std::string::npos);
}

TEST_CASE("kiosk: a guest of an event this server does not hold is refused and nothing changes") {
    KioskServer k;
    const auto before = orchard::test::database_digest(k.dir.path());
    const ApiAnswer refused =
        k.browser.post("/api/v1/auth/guest", {{"display_name", "Eve"}, {"event", "other-fair"}});
    CHECK(refused.status == 400);
    CHECK(refused.body["message"].get<std::string>().find("other-fair") != std::string::npos);
    CHECK(orchard::test::database_digest(k.dir.path()) == before);

    // Not a kiosk server at all: no event, and none to join.
    orchard::test::TempDir plain_dir;
    orchard::test::TestServer plain{plain_dir.path(), {"--quiet"}};
    Browser browser{plain.base_url()};
    CHECK_FALSE(browser.get("/api/v1/health").body.contains("kiosk"));
    CHECK(browser.post("/api/v1/auth/guest", {{"display_name", "Eve"}, {"event", "spring-fair"}})
              .status == 400);
}

TEST_CASE("kiosk client: one tap starts, an idle visit ends after its countdown and leaves "
          "nothing, the next visitor starts clean, and the board has both") {
    KioskServer k;
    MemoryStore storage;
    orchard::test::HttplibTransport transport{k.server.base_url()};
    ApiClient api{transport};
    App app{api, storage, AppOptions{.seed = 7}};
    app.start(0);
    REQUIRE(app.state().kiosk.event == "spring-fair");
    CHECK(app.state().kiosk.idle_seconds == 30);
    CHECK(app.state().ui_scale == kKioskUiScale); // large, for fingers at arm's length
    app.tick(1);                                  // the welcome's board and news, without a session
    CHECK(app.state().kiosk.board);
    CHECK_FALSE(app.state().kiosk.news.empty());

    auto visit = [&](const std::string& name, double at) {
        app.start_kiosk_visit(name, at);
        // No terms screen: the welcome said starting accepts them.
        REQUIRE(app.state().screen == Screen::Dashboard);
        REQUIRE(app.state().account->guest);
        app.open_task("assistant_reply", at + 1);
        REQUIRE(app.state().task.phase == TaskPhase::Working);
        app.edit_text("Read a page a day, aloud, and look up one new word each time, " + name +
                      ".");
        REQUIRE(app.submit(at + 2));
        CHECK_FALSE(storage.empty());
    };
    visit("Ana", 10);
    app.set_ui_scale(1.75); // Ana pinched the screen larger
    // Typed but not sent: a draft in storage, which the next visitor must never see.
    app.open_task("assistant_reply", 13);
    app.edit_text("half a sentence");

    // Idle: nothing until the idle time, then a countdown, then the end of the visit.
    app.note_activity(20);
    app.tick(49);
    CHECK_FALSE(app.state().kiosk.ends_at);
    REQUIRE(app.next_wakeup());
    CHECK(*app.next_wakeup() == Approx(50));
    app.tick(50);
    REQUIRE(app.state().kiosk.ends_at);
    // A touch during the countdown keeps the visit.
    app.note_activity(55);
    CHECK_FALSE(app.state().kiosk.ends_at);
    CHECK(app.state().account);
    app.tick(85);
    REQUIRE(app.state().kiosk.ends_at);
    app.tick(*app.state().kiosk.ends_at);
    CHECK_FALSE(app.state().account);
    CHECK(app.state().screen == Screen::SignIn);
    CHECK(storage.empty());
    CHECK(app.forms().sign_in.display_name.empty());
    CHECK(app.state().kiosk.visits_ended == 1);
    CHECK(app.state().ui_scale == kKioskUiScale); // Ana's size left with her

    visit("Bo", 200);
    CHECK(app.state().task.completed == 1); // a clean start: Ana's count is not Bo's
    app.sign_out();                         // "Finish": the same end of the visit
    CHECK(storage.empty());
    app.tick(201);
    REQUIRE(app.state().kiosk.board);
    std::set<std::string> names;
    for (const auto& row : app.state().kiosk.board->rows)
        names.insert(row.display_name);
    CHECK(names == std::set<std::string>{"Ana", "Bo"});
}

TEST_CASE("kiosk by address: a browser opened at ?kiosk=EVENT is a kiosk of an event the server "
          "allows, and only of such an event") {
    orchard::test::TempDir dir;
    orchard::test::TestServer server{
        dir.path(), {"--quiet", "--kiosk-allow", "spring-fair", "--kiosk-allow", "autumn-fair"}};
    Browser browser{server.base_url()};
    const ApiAnswer health = browser.get("/api/v1/health");
    CHECK(health.body["kiosk"] ==
          json{{"url_events", {"spring-fair", "autumn-fair"}}, {"idle_seconds", 90}});
    CHECK(browser.post("/api/v1/auth/guest", {{"display_name", "Ana"}, {"event", "autumn-fair"}})
              .status == 201);
    const auto before = orchard::test::database_digest(dir.path());
    CHECK(browser.post("/api/v1/auth/guest", {{"display_name", "Eve"}, {"event", "other-fair"}})
              .status == 400);
    CHECK(orchard::test::database_digest(dir.path()) == before);

    orchard::test::HttplibTransport transport{server.base_url()};
    {
        MemoryStore storage;
        ApiClient api{transport};
        App app{api, storage, AppOptions{.url_kiosk_event = "autumn-fair", .seed = 3}};
        app.start(0);
        CHECK(app.state().kiosk.event == "autumn-fair");
        CHECK(app.state().kiosk.idle_seconds == 90);
        app.start_kiosk_visit("Bo", 1);
        REQUIRE(app.state().screen == Screen::Dashboard);
    }
    {
        MemoryStore storage;
        ApiClient api{transport};
        App app{api, storage, AppOptions{.seed = 3}}; // the usual address: the usual site
        app.start(0);
        CHECK(app.state().kiosk.event.empty());
        CHECK(app.state().ui_scale == 1.0);
    }
    {
        MemoryStore storage;
        ApiClient api{transport};
        App app{api, storage, AppOptions{.url_kiosk_event = "other-fair", .seed = 3}};
        app.start(0);
        CHECK(app.state().kiosk.event.empty());
        CHECK(app.state().kiosk.refused == "other-fair");
    }
    const ApiAnswer board = browser.get("/api/v1/public/events/autumn-fair/leaderboard");
    REQUIRE(board.status == 200);
}
