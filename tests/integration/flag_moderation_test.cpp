// Red flags against a real server (issue 15, docs/flag-moderation.md): throw-away accounts
// cannot take a message down however many they are; flags from people with accepted work hide
// it with its subtree until a moderator keeps or removes it from the flag queue.
#include "tests/support/frontend.h"
#include "tests/support/session_client.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>

using nlohmann::json;
using orchard::test::ApiAnswer;
using orchard::test::Browser;
using orchard::test::Frontend;

namespace {

// Ada's accepted prompt, Bob's accepted assistant reply to it, Cy's prompter reply to Bob's;
// e1..e4 each wrote a prompt that was accepted (people with accepted work).
struct FlagScene {
    orchard::test::TempDir dir;
    std::string trusted_key = orchard::test::create_api_key(dir.path(), true);
    std::string plain_key = orchard::test::create_api_key(dir.path(), false);
    orchard::test::TestServer server{dir.path(), {"--seed", "5", "--quiet"}};
    Frontend mod{server.base_url(), trusted_key};
    Frontend app{server.base_url(), plain_key};
    Browser browser{server.base_url()};
    std::string prompt_id, reply_id, answer_id;
    int written = 0;

    std::string write(const std::string& user, const std::string& type, const std::string& text) {
        auto task = app.request_task(user, type);
        REQUIRE(task.status == 200);
        const std::string id = std::to_string(++written);
        REQUIRE(app.ack(user, task.body["id"], "task-" + id).status == 204);
        auto done = app.interaction(user, {{"type", "text_reply_to_message"},
                                           {"message_id", "task-" + id},
                                           {"user_message_id", "msg-" + id},
                                           {"text", text}});
        REQUIRE(done.status == 200);
        return done.body["id"];
    }
    void review(const std::string& type) {
        REQUIRE(orchard::test::do_one_task(app, "rev", type) == type);
    }

    FlagScene() {
        REQUIRE(mod.put("/api/v1/admin/config",
                        {{"num_reviews_initial_prompt", 1}, {"num_reviews_reply", 1}})
                    .status == 200);
        prompt_id = write("ada", "initial_prompt", "How do I keep basil alive indoors?");
        review("label_initial_prompt");
        reply_id = write("bob", "assistant_reply", "Give it six hours of sun and let it dry.");
        review("label_assistant_reply");
        answer_id = write("cy", "prompter_reply", "What if my window faces north?");
        for (const char* person : {"e1", "e2", "e3", "e4"}) {
            write(person, "initial_prompt", std::string("A question from ") + person + "?");
            review("label_initial_prompt");
        }
    }

    ApiAnswer flag(const std::string& user, const std::string& message_id) {
        return app.post("/api/v1/messages/" + message_id + "/emoji",
                        {{"user", Frontend::user(user)}, {"op", "add"}, {"emoji", "red_flag"}});
    }
    json open_queue() {
        auto queue = mod.get("/api/v1/moderation/flagged");
        REQUIRE(queue.status == 200);
        return queue.body["items"];
    }
    bool visible(const std::string& message_id) {
        return app.get("/api/v1/messages/" + message_id, "dee").status == 200;
    }
};

} // namespace

TEST_CASE("flags: throw-away guests and new accounts cannot take a reply down") {
    FlagScene s;
    // Six guests, each with the terms accepted, flag Bob's reply: it stays.
    for (int i = 0; i < 6; ++i) {
        const ApiAnswer guest =
            s.browser.post("/api/v1/auth/guest", {{"display_name", "Puppet " + std::to_string(i)}});
        REQUIRE(guest.status == 201);
        const std::string token = guest.body["token"];
        REQUIRE(s.browser.post("/api/v1/auth/accept_terms", json::object(), token).status == 200);
        REQUIRE(s.browser
                    .post("/api/v1/messages/" + s.reply_id + "/emoji",
                          {{"op", "add"}, {"emoji", "red_flag"}}, token)
                    .status == 200);
    }
    CHECK(s.visible(s.reply_id));
    auto queue = s.open_queue();
    REQUIRE(queue.size() == 1);
    CHECK(queue[0]["message"]["id"] == s.reply_id);
    CHECK(queue[0]["red_flags"] == 6);
    CHECK(queue[0]["flag_weight"] == 0.0);
    CHECK(queue[0]["hidden"] == false);

    // Four people none of whose work was accepted yet weigh one flag together: it still stays.
    for (const char* user : {"n1", "n2", "n3", "n4"})
        REQUIRE(s.flag(user, s.reply_id).status == 200);
    CHECK(s.visible(s.reply_id));
    CHECK(s.visible(s.answer_id));
    queue = s.open_queue();
    CHECK(queue[0]["red_flags"] == 10);
    CHECK(queue[0]["flag_weight"] == 1.0);
}

TEST_CASE("flags: people with accepted work hide a reply and its subtree, a moderator keeps it") {
    FlagScene s;
    for (const char* user : {"e1", "e2", "e3"})
        REQUIRE(s.flag(user, s.reply_id).status == 200);
    CHECK(s.visible(s.reply_id));
    REQUIRE(s.flag("e4", s.reply_id).status == 200);
    // Hidden, with Cy's answer under it, from everyone but moderators; not deleted.
    CHECK(s.app.get("/api/v1/messages/" + s.reply_id, "dee").error_code() == 2001);
    CHECK(s.app.get("/api/v1/messages/" + s.answer_id, "dee").error_code() == 2001);
    CHECK(s.app.get("/api/v1/messages/" + s.prompt_id + "/children").body.empty());
    const auto seen = s.mod.get("/api/v1/messages/" + s.reply_id);
    CHECK(seen.body["hidden"] == true);
    CHECK(seen.body["deleted"] == false);
    auto queue = s.open_queue();
    REQUIRE(queue.size() == 1);
    CHECK(queue[0]["hidden"] == true);
    CHECK(queue[0]["flag_weight"] == 4.0);
    CHECK(queue[0]["message"]["text"] == "Give it six hours of sun and let it dry.");

    // Only moderators read the queue and decide.
    CHECK(s.app.get("/api/v1/moderation/flagged").status == 403);
    CHECK(s.app.post("/api/v1/moderation/flagged/" + s.reply_id, {{"decision", "keep"}}).status ==
          403);
    CHECK(s.mod.post("/api/v1/moderation/flagged/" + s.reply_id, {{"decision", "hide"}}).status ==
          400);
    CHECK(s.mod.post("/api/v1/moderation/flagged/" + s.prompt_id, {{"decision", "keep"}})
              .error_code() == 2001);

    REQUIRE(s.mod.post("/api/v1/moderation/flagged/" + s.reply_id, {{"decision", "keep"}}).status ==
            204);
    CHECK(s.visible(s.reply_id));
    CHECK(s.visible(s.answer_id));
    CHECK(s.app.get("/api/v1/messages/" + s.prompt_id + "/children").body.size() == 1);
    CHECK(s.open_queue().empty());
    auto all = s.mod.get("/api/v1/moderation/flagged?state=all");
    REQUIRE(all.body["items"].size() == 1);
    CHECK(all.body["items"][0]["decision"] == "keep");
    CHECK(all.body["items"][0]["handled"] == true);

    // A later flag puts it back in the queue, but the moderator's decision stands.
    REQUIRE(s.flag("ada", s.reply_id).status == 200);
    CHECK(s.visible(s.reply_id));
    queue = s.open_queue();
    REQUIRE(queue.size() == 1);
    CHECK(queue[0]["red_flags"] == 5);
}

TEST_CASE("flags: a moderator removes a hidden reply, and a hidden prompt's tree ends") {
    FlagScene s;
    for (const char* user : {"e1", "e2", "e3", "e4"})
        REQUIRE(s.flag(user, s.reply_id).status == 200);
    REQUIRE(
        s.mod.post("/api/v1/moderation/flagged/" + s.reply_id, {{"decision", "remove"}}).status ==
        204);
    CHECK(s.mod.get("/api/v1/messages/" + s.reply_id).body["deleted"] == true);
    CHECK(s.mod.get("/api/v1/messages/" + s.answer_id).body["deleted"] == true);
    CHECK_FALSE(s.visible(s.reply_id));

    // A prompt hidden by flags takes its tree out of the task rounds until a moderator decides.
    for (const char* user : {"e1", "e2", "e3", "e4"})
        REQUIRE(s.flag(user, s.prompt_id).status == 200);
    CHECK_FALSE(s.visible(s.prompt_id));
    CHECK(s.mod.get("/api/v1/messages/" + s.prompt_id + "/tree/state").body["state"] == "growing");
    REQUIRE(
        s.mod.post("/api/v1/moderation/flagged/" + s.prompt_id, {{"decision", "remove"}}).status ==
        204);
    CHECK(s.mod.get("/api/v1/messages/" + s.prompt_id + "/tree/state").body["state"] ==
          "aborted_low_grade");
    CHECK(s.mod.get("/api/v1/messages/" + s.prompt_id).body["deleted"] == true);
}

TEST_CASE("flags: undeleting a hidden message brings back what was hidden under it") {
    FlagScene s;
    for (const char* user : {"e1", "e2", "e3", "e4"})
        REQUIRE(s.flag(user, s.reply_id).status == 200);
    CHECK_FALSE(s.visible(s.answer_id));
    REQUIRE(s.mod.put("/api/v1/messages/" + s.reply_id + "/undelete", json::object()).status ==
            204);
    CHECK(s.visible(s.reply_id));
    CHECK(s.visible(s.answer_id));
    CHECK(s.open_queue().empty());
}
