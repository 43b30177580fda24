// Text at Orchard's edges (issue 15): a frontend user's name or id that is cut inside a character,
// or is not UTF-8 at all, must neither get in nor break the leaderboards that show it, and bytes
// that are not UTF-8 already in the database must not make a read fail. A language is a short
// tag, not 10 MB.
#include "tests/support/database_query.h"
#include "tests/support/frontend.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>
#include <httplib.h>

using nlohmann::json;
using orchard::test::Frontend;
using orchard::test::TempDir;
using orchard::test::TestServer;

namespace {

struct World {
    TempDir dir;
    std::string key = orchard::test::create_api_key(dir.path(), false);
    TestServer server{dir.path(), {"--quiet", "--max-body-kb", "16384"}};
    Frontend app{server.base_url(), key};
    httplib::Client http{server.base_url()};

    // `user` writes a prompt (a task, its ack and the reply): it earns a place on every board.
    void write_prompt(const json& user, const std::string& frontend_id) {
        auto task = app.post("/api/v1/tasks/",
                             {{"type", "initial_prompt"}, {"user", user}, {"lang", "en"}});
        REQUIRE(task.status == 200);
        REQUIRE(app.post("/api/v1/tasks/" + task.body["id"].get<std::string>() + "/ack",
                         {{"message_id", frontend_id}, {"user", user}})
                    .status == 204);
        auto done = app.post("/api/v1/tasks/interaction",
                             {{"type", "text_reply_to_message"},
                              {"message_id", frontend_id},
                              {"user_message_id", frontend_id + "-text"},
                              {"text", "Which herbs grow well indoors in " + frontend_id + "?"},
                              {"user", user}});
        REQUIRE(done.status == 200);
    }

    httplib::Result post_raw(const std::string& path, const std::string& body,
                             const std::string& oasst_user = "") {
        httplib::Headers headers{{"X-API-Key", key}};
        if (!oasst_user.empty()) headers.emplace("x-oasst-user", oasst_user);
        return http.Post(path, headers, body, "application/json");
    }

    void check_every_board_answers() {
        for (const char* frame : {"day", "week", "month", "total"}) {
            INFO(frame);
            auto board = http.Get(std::string("/api/v1/leaderboards/") + frame,
                                  httplib::Headers{{"X-API-Key", key}});
            REQUIRE(board);
            CHECK(board->status == 200);
            CHECK_FALSE(json::parse(board->body, nullptr, false).is_discarded());
        }
    }
};

const json* entry_named(const json& board, const std::string& external_id) {
    for (const auto& row : board["leaderboard"])
        if (row["username"] == external_id) return &row;
    return nullptr;
}

// The error object of PROTOCOL.md, its message naming `field`.
void check_refused(const httplib::Result& answer, const std::string& field) {
    REQUIRE(answer);
    CHECK(answer->status == 400);
    const json body = json::parse(answer->body, nullptr, false);
    REQUIRE(body.is_object());
    CHECK(body.value("error_code", -1) == 0);
    CHECK(body.value("message", "").find(field) != std::string::npos);
}

} // namespace

TEST_CASE("text boundaries: a name cut inside a character or not UTF-8 leaves every board up") {
    World world;
    // 255 ASCII bytes and a 2-byte é: a cut at 256 bytes splits the é.
    const std::string long_name = std::string(255, 'a') + "\xC3\xA9";
    world.write_prompt({{"id", "long-name"}, {"display_name", long_name}, {"auth_method", "local"}},
                       "fe-long");
    world.check_every_board_answers();
    auto board = world.app.get("/api/v1/leaderboards/total");
    REQUIRE(board.status == 200);
    const json* entry = entry_named(board.body, "long-name");
    REQUIRE(entry);
    CHECK((*entry)["display_name"] == std::string(255, 'a')); // cut before the é, not inside

    // Bytes that are not UTF-8 in the header or a body's name never get in.
    for (const std::string bad : {"\xC3\x28", "\xFF"}) {
        INFO("x-oasst-user with bytes that are not UTF-8");
        check_refused(world.post_raw("/api/v1/tasks/availability", "{}", "local:x" + bad),
                      "x-oasst-user");
        INFO("display_name with bytes that are not UTF-8");
        check_refused(world.post_raw("/api/v1/tasks/availability",
                                     R"({"user":{"id":"bad-bytes","auth_method":"local",)"
                                     R"("display_name":"Bad )" +
                                         bad + "\"}}"),
                      "user.display_name");
    }
    CHECK(orchard::test::query_int(world.dir.path(),
                                   "SELECT count(*) FROM users WHERE external_id LIKE 'x%' OR "
                                   "external_id = 'bad-bytes'") == 0);
    world.check_every_board_answers();

    // An id is refused past its limit (a cut would make two people one), and so is a header id.
    check_refused(
        world.post_raw(
            "/api/v1/tasks/availability",
            json{{"user", {{"id", std::string(129, 'i')}, {"auth_method", "local"}}}}.dump()),
        "user.id");
    check_refused(
        world.post_raw("/api/v1/tasks/availability", "{}", "local:" + std::string(129, 'i')),
        "x-oasst-user");
}

TEST_CASE("text boundaries: bytes that are not UTF-8 already stored do not break a read") {
    // PostgreSQL refuses to store text that is not UTF-8 at all: there, nothing to read.
    if (orchard::test::on_postgres()) return;
    World world;
    world.write_prompt(Frontend::user("stored"), "fe-stored");
    // As a name cut at 256 bytes by an older Orchard was stored; written before any board is
    // read, so that no answer kept from before can hide it.
    orchard::test::query_int(world.dir.path(),
                             "UPDATE users SET display_name = CAST(X'4164C328FF' AS TEXT) "
                             "WHERE external_id = 'stored'");
    const std::string user_id =
        orchard::test::query_text(world.dir.path(), "SELECT id FROM users WHERE external_id = "
                                                    "'stored'");
    REQUIRE_FALSE(user_id.empty());
    world.check_every_board_answers();
    auto board = world.app.get("/api/v1/leaderboards/total");
    REQUIRE(board.status == 200);
    const json* entry = entry_named(board.body, "stored");
    REQUIRE(entry);
    CHECK((*entry)["display_name"].get<std::string>().starts_with("Ad"));
    CHECK(world.app.get("/api/v1/users/" + user_id + "/stats").status == 200);
    CHECK(world.app.get("/api/v1/users/" + user_id + "/stats/week/window").status == 200);
}

TEST_CASE("text boundaries: a language is a short tag, not 10 MB") {
    World world;
    const json user = Frontend::user("polyglot");
    const auto request_in = [&](const std::string& lang) {
        return world.app.post("/api/v1/tasks/",
                              {{"type", "initial_prompt"}, {"user", user}, {"lang", lang}});
    };
    for (const std::string& lang :
         {std::string(10 << 20, 'e'), std::string(36, 'e'), std::string("en-"), std::string("e n"),
          std::string("\xC3\xA9")}) {
        INFO(lang.substr(0, 40));
        auto refused = request_in(lang);
        CHECK(refused.status == 400);
        CHECK(refused.error_code() == 0);
        CHECK(refused.body.value("message", "").find("lang") != std::string::npos);
    }
    CHECK(orchard::test::query_int(world.dir.path(), "SELECT count(*) FROM tasks") == 0);
    for (const std::string lang : {"en", "pt-BR", "zh-Hans-CN", "es-419"}) {
        INFO(lang);
        CHECK(request_in(lang).status == 200);
    }
    auto availability = world.http.Post("/api/v1/tasks/availability?lang=" + std::string(36, 'e'),
                                        httplib::Headers{{"X-API-Key", world.key}},
                                        json{{"user", user}}.dump(), "application/json");
    check_refused(availability, "lang");
}

TEST_CASE("text boundaries: a frontend's ids for tasks and messages are at most 200 characters") {
    World world;
    const json user = Frontend::user("ids");
    auto task = world.app.post("/api/v1/tasks/",
                               {{"type", "initial_prompt"}, {"user", user}, {"lang", "en"}});
    REQUIRE(task.status == 200);
    const std::string ack_path = "/api/v1/tasks/" + task.body["id"].get<std::string>() + "/ack";
    auto long_ack =
        world.app.post(ack_path, {{"message_id", std::string(201, 'm')}, {"user", user}});
    CHECK(long_ack.status == 400);
    CHECK(long_ack.error_code() == 2000);
    CHECK(long_ack.body.value("message", "").find("message_id") != std::string::npos);
    REQUIRE(
        world.app.post(ack_path, {{"message_id", std::string(200, 'm')}, {"user", user}}).status ==
        204);
    const auto reply = [&](const std::string& user_message_id) {
        return world.app.post("/api/v1/tasks/interaction",
                              {{"type", "text_reply_to_message"},
                               {"message_id", std::string(200, 'm')},
                               {"user_message_id", user_message_id},
                               {"text", "What grows in a north-facing window?"},
                               {"user", user}});
    };
    auto long_reply = reply(std::string(201, 'u'));
    CHECK(long_reply.status == 400);
    CHECK(long_reply.error_code() == 2000);
    CHECK(long_reply.body.value("message", "").find("user_message_id") != std::string::npos);
    CHECK(reply(std::string(200, 'u')).status == 200);
}
