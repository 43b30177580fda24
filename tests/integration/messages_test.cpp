// Messages outside tasks (PROTOCOL.md §3) over real HTTP: reading by id and by frontend id,
// reactions and their rules, moderation, edits with history, search, free labels.
#include "tests/support/frontend.h"
#include "tests/support/session_client.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>

using nlohmann::json;
using orchard::test::Frontend;
using orchard::test::TempDir;
using orchard::test::TestServer;

namespace {

// A growing tree: Ada's accepted prompt with Bob's assistant reply under review.
struct Scene {
    TempDir dir;
    std::string trusted_key = orchard::test::create_api_key(dir.path(), true);
    std::string plain_key = orchard::test::create_api_key(dir.path(), false);
    TestServer server{dir.path(), {"--seed", "3", "--quiet"}};
    Frontend mod{server.base_url(), trusted_key};
    Frontend app{server.base_url(), plain_key};
    std::string prompt_id, reply_id;

    Scene() {
        REQUIRE(mod.put("/api/v1/admin/config", {{"num_reviews_initial_prompt", 2}}).status == 200);
        auto task = app.request_task("ada", "initial_prompt");
        REQUIRE(app.ack("ada", task.body["id"], "fe-prompt").status == 204);
        auto done = app.interaction(
            "ada", {{"type", "text_reply_to_message"},
                    {"message_id", "fe-prompt"},
                    {"user_message_id", "ada-prompt-1"},
                    {"text", "Which houseplants survive a dark north-facing room?"}});
        REQUIRE(done.status == 200);
        prompt_id = done.body["id"];
        REQUIRE(orchard::test::do_one_task(app, "bob", "label_initial_prompt") ==
                "label_initial_prompt");
        REQUIRE(orchard::test::do_one_task(app, "cy", "label_initial_prompt") ==
                "label_initial_prompt");
        auto reply_task = app.request_task("bob", "assistant_reply");
        REQUIRE(reply_task.status == 200);
        REQUIRE(app.ack("bob", reply_task.body["id"], "fe-reply").status == 204);
        auto reply = app.interaction(
            "bob", {{"type", "text_reply_to_message"},
                    {"message_id", "fe-reply"},
                    {"user_message_id", "bob-reply-1"},
                    {"text", "Snake plants and ZZ plants cope well with low light."}});
        REQUIRE(reply.status == 200);
        reply_id = reply.body["id"];
    }
};

} // namespace

TEST_CASE("messages: read by id and by frontend id, with conversation, tree and children") {
    Scene s;
    auto message = s.app.get("/api/v1/messages/" + s.reply_id, "dee");
    REQUIRE(message.status == 200);
    for (const char* field :
         {"id", "parent_id", "text", "lang", "is_assistant", "emojis", "user_emojis",
          "user_is_author", "synthetic", "created_date", "review_result", "review_count", "deleted",
          "edited", "message_tree_id", "ranking_count", "rank", "user_id", "frontend_message_id"})
        CHECK(message.body.contains(field));
    CHECK(message.body["parent_id"] == s.prompt_id);
    CHECK(message.body["is_assistant"] == true);
    CHECK(message.body["review_result"].is_null());

    auto by_frontend = s.app.get("/api/v1/frontend_messages/bob-reply-1");
    REQUIRE(by_frontend.status == 200);
    CHECK(by_frontend.body["id"] == s.reply_id);

    auto conversation = s.app.get("/api/v1/messages/" + s.reply_id + "/conversation");
    REQUIRE(conversation.body["messages"].size() == 2);
    CHECK(conversation.body["messages"][0]["id"] == s.prompt_id);
    auto children = s.app.get("/api/v1/messages/" + s.prompt_id + "/children");
    REQUIRE(children.body.size() == 1);
    auto tree = s.app.get("/api/v1/messages/" + s.reply_id + "/tree");
    CHECK(tree.body["id"] == s.prompt_id);
    CHECK(tree.body["messages"].size() == 2);
    auto state = s.app.get("/api/v1/messages/" + s.reply_id + "/tree/state");
    CHECK(state.body["state"] == "growing");
    CHECK(state.body["message_tree_id"] == s.prompt_id);

    auto missing = s.app.get("/api/v1/messages/00000000-0000-4000-8000-000000000000");
    CHECK(missing.status == 404);
    CHECK(missing.error_code() == 2001);
}

TEST_CASE("messages: reactions follow the rules and red flags moderate automatically") {
    Scene s;
    const std::string path = "/api/v1/messages/" + s.reply_id + "/emoji";
    auto react = [&](const std::string& user, const std::string& op, const std::string& emoji) {
        return s.app.post(path, {{"user", Frontend::user(user)}, {"op", op}, {"emoji", emoji}});
    };
    // The author cannot react to their own message; unknown emoji and ops are refused.
    CHECK(react("bob", "add", "+1").error_code() == 2053);
    CHECK(react("cy", "add", "unicorn").error_code() == 5000);
    CHECK(react("cy", "explode", "+1").error_code() == 5000);

    auto up = react("cy", "add", "+1");
    REQUIRE(up.status == 200);
    CHECK(up.body["emojis"]["+1"] == 1);
    CHECK(up.body["user_emojis"] == json::array({"+1"}));
    // Thumbs down replaces thumbs up for the same person.
    auto down = react("cy", "toggle", "-1");
    CHECK(down.body["emojis"].value("+1", 0) == 0);
    CHECK(down.body["emojis"]["-1"] == 1);
    // Counts stay hidden from someone who has not reacted yet, but not from the author.
    CHECK(s.app.get("/api/v1/messages/" + s.reply_id, "dee").body["emojis"] == json::object());
    CHECK(s.app.get("/api/v1/messages/" + s.reply_id, "bob").body["emojis"]["-1"] == 1);

    // A red flag counts like any reaction; what flags do is tests/integration/flag_moderation_test.
    auto flagged = react("cy", "add", "red_flag");
    CHECK(flagged.body["emojis"]["red_flag"] == 1);
}

TEST_CASE("messages: people of Orchard's own client read their messages by their frontend id") {
    Scene s;
    orchard::test::Browser browser(s.server.base_url());
    const auto guest = browser.post("/api/v1/auth/guest", {{"display_name", "Wren"}});
    REQUIRE(guest.status == 201);
    const std::string token = guest.body["token"];
    REQUIRE(browser.post("/api/v1/auth/accept_terms", json::object(), token).status == 200);
    auto task = browser.post("/api/v1/tasks/", {{"type", "initial_prompt"}, {"lang", "en"}}, token);
    REQUIRE(task.status == 200);
    REQUIRE(browser
                .post("/api/v1/tasks/" + task.body["id"].get<std::string>() + "/ack",
                      {{"message_id", "web-task-1"}}, token)
                .status == 204);
    auto done = browser.post("/api/v1/tasks/interaction",
                             {{"type", "text_reply_to_message"},
                              {"message_id", "web-task-1"},
                              {"user_message_id", "web-prompt-1"},
                              {"text", "Why do cut apples turn brown?"}},
                             token);
    REQUIRE(done.status == 200);
    auto mine = browser.get("/api/v1/frontend_messages/web-prompt-1", token);
    REQUIRE(mine.status == 200);
    CHECK(mine.body["id"] == done.body["id"]);
    CHECK(browser.get("/api/v1/frontend_messages/web-prompt-1/conversation", token)
              .body["messages"]
              .size() == 1);
    // An API client's frontend ids are its own: the same id is not another client's message.
    CHECK(s.app.get("/api/v1/frontend_messages/web-prompt-1").error_code() == 2001);
}

TEST_CASE("messages: moderators halt trees, delete and restore messages, and edit with history") {
    Scene s;
    CHECK(s.app.put("/api/v1/messages/" + s.prompt_id + "/tree/state?halt=true", json::object())
              .status == 403);
    auto halted =
        s.mod.put("/api/v1/messages/" + s.prompt_id + "/tree/state?halt=true", json::object());
    REQUIRE(halted.status == 200);
    CHECK(halted.body["state"] == "halted_by_moderator");
    CHECK(s.app.request_task("eli", "label_assistant_reply").error_code() == 1006);
    auto resumed =
        s.mod.put("/api/v1/messages/" + s.prompt_id + "/tree/state?halt=false", json::object());
    CHECK(resumed.body["state"] == "growing");
    CHECK(s.app.request_task("eli", "label_assistant_reply").status == 200);

    REQUIRE(s.mod
                .post("/api/v1/messages/" + s.reply_id + "/edit",
                      {{"user", Frontend::user("mod")},
                       {"new_content", "Snake plants, ZZ plants and pothos."}})
                .status == 204);
    auto edited = s.app.get("/api/v1/messages/" + s.reply_id);
    CHECK(edited.body["edited"] == true);
    CHECK(edited.body["text"] == "Snake plants, ZZ plants and pothos.");
    // The texts before the edit are for moderators only.
    CHECK(s.app.get("/api/v1/messages/" + s.reply_id + "/history").status == 403);
    auto history = s.mod.get("/api/v1/messages/" + s.reply_id + "/history");
    REQUIRE(history.body.size() == 2);
    CHECK(history.body[0]["text"] == "Snake plants and ZZ plants cope well with low light.");

    // A wrong method on a known path says which methods it takes.
    CHECK(s.app.post("/api/v1/messages/" + s.prompt_id, json::object()).status == 405);
}

TEST_CASE("messages: delete is soft and recursive, and undelete restores the path") {
    Scene s;
    httplib::Client http(s.server.base_url());
    auto del =
        http.Delete(("/api/v1/messages/" + s.prompt_id).c_str(), {{"X-API-Key", s.trusted_key}});
    REQUIRE(del);
    CHECK(del->status == 204);
    // Moderators still see deleted messages; to everyone else they are gone.
    CHECK(s.mod.get("/api/v1/messages/" + s.reply_id).body["deleted"] == true);
    CHECK(s.mod.get("/api/v1/messages/" + s.prompt_id).body["deleted"] == true);
    CHECK(s.app.get("/api/v1/messages/" + s.reply_id).error_code() == 2001);
    auto untrusted =
        http.Delete(("/api/v1/messages/" + s.prompt_id).c_str(), {{"X-API-Key", s.plain_key}});
    CHECK(untrusted->status == 403);
    REQUIRE(s.mod.put("/api/v1/messages/" + s.reply_id + "/undelete", json::object()).status ==
            204);
    CHECK(s.app.get("/api/v1/messages/" + s.reply_id).body["deleted"] == false);
    CHECK(s.app.get("/api/v1/messages/" + s.prompt_id).body["deleted"] == false);
}

TEST_CASE("messages: full-text search and free labels") {
    Scene s;
    auto found = s.app.get("/api/v1/messages/cursor?search_query=houseplants&max_count=5");
    REQUIRE(found.status == 200);
    REQUIRE(found.body["items"].size() == 1);
    CHECK(found.body["items"][0]["id"] == s.prompt_id);
    CHECK(s.app.get("/api/v1/messages/cursor?search_query=%22%20OR%20*").body["items"].empty());

    auto report = s.app.post("/api/v1/text_labels", {{"user", Frontend::user("dee")},
                                                     {"message_id", s.reply_id},
                                                     {"labels", {{"pii", 1}}},
                                                     {"text", "It names a person"},
                                                     {"is_report", true}});
    CHECK(report.status == 204);
    CHECK(s.app
              .post("/api/v1/text_labels", {{"user", Frontend::user("bob")},
                                            {"message_id", s.reply_id},
                                            {"labels", {{"pii", 1}}}})
              .error_code() == 2053);
    auto valid = s.app.get("/api/v1/text_labels/valid_labels?message_id=" + s.reply_id);
    bool has_helpfulness = false;
    for (const auto& label : valid.body["valid_labels"])
        has_helpfulness |= label["name"] == "helpfulness";
    CHECK(has_helpfulness);
    CHECK(s.app.get("/api/v1/text_labels/report_labels").body["valid_labels"].size() >= 7);
}
