// Protocol compatibility: every task type, message and error the server sends has exactly the
// fields PROTOCOL.md (and so the Open-Assistant frontends) expect. Uses the demo data, where every
// task type is available.
#include "tests/support/frontend.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>
#include <map>
#include <set>

using nlohmann::json;
using orchard::test::Frontend;

namespace {

void check_fields(const json& object, const std::set<std::string>& fields,
                  const std::string& what) {
    INFO(what << ": " << object.dump());
    REQUIRE(object.is_object());
    for (const auto& field : fields)
        CHECK(object.contains(field));
}

const std::set<std::string> kConversationMessage = {
    "id",           "user_id", "frontend_message_id", "text",           "lang",
    "is_assistant", "emojis",  "user_emojis",         "user_is_author", "synthetic"};

void check_conversation(const json& conversation) {
    REQUIRE(conversation.contains("messages"));
    REQUIRE(conversation["messages"].is_array());
    REQUIRE_FALSE(conversation["messages"].empty());
    for (const auto& message : conversation["messages"])
        check_fields(message, kConversationMessage, "ConversationMessage");
}

} // namespace

TEST_CASE("protocol: every task type has the fields of PROTOCOL.md §2") {
    orchard::test::TempDir dir;
    const std::string key = orchard::test::create_api_key(dir.path(), false);
    orchard::test::TestServer server(dir.path(), {"--demo", "--quiet", "--seed", "11"});
    Frontend app(server.base_url(), key);

    const std::map<std::string, std::set<std::string>> fields = {
        {"initial_prompt", {"id", "type", "hint"}},
        {"assistant_reply", {"id", "type", "conversation"}},
        {"prompter_reply", {"id", "type", "conversation", "hint"}},
        {"rank_assistant_replies",
         {"id", "type", "conversation", "replies", "reply_messages", "message_tree_id",
          "ranking_parent_id", "reveal_synthetic"}},
        {"rank_prompter_replies",
         {"id", "type", "conversation", "replies", "reply_messages", "message_tree_id",
          "ranking_parent_id", "reveal_synthetic"}},
        {"label_initial_prompt",
         {"id", "type", "message_id", "prompt", "valid_labels", "mandatory_labels", "mode",
          "disposition", "labels", "conversation"}},
        {"label_assistant_reply",
         {"id", "type", "message_id", "reply", "valid_labels", "mandatory_labels", "mode",
          "disposition", "labels", "conversation"}},
        {"label_prompter_reply",
         {"id", "type", "message_id", "reply", "valid_labels", "mandatory_labels", "mode",
          "disposition", "labels", "conversation"}},
    };
    int user = 0;
    for (const auto& [type, expected] : fields) {
        auto task = app.request_task("shape-" + std::to_string(++user), type);
        INFO(type << " -> " << task.body.dump());
        REQUIRE(task.status == 200);
        CHECK(task.body["type"] == type);
        check_fields(task.body, expected, type);
        if (task.body.contains("conversation")) check_conversation(task.body["conversation"]);
        if (type.starts_with("rank_")) {
            CHECK(task.body["replies"].size() == task.body["reply_messages"].size());
            CHECK(task.body["replies"].size() >= 2);
            for (const auto& reply : task.body["reply_messages"])
                check_fields(reply, kConversationMessage, "reply message");
        }
        if (type.starts_with("label_")) {
            CHECK(task.body["conversation"]["messages"].back()["id"] == task.body["message_id"]);
            CHECK(task.body["mandatory_labels"] == json::array({"spam"}));
            CHECK((task.body["mode"] == "full" || task.body["mode"] == "simple"));
            for (const auto& label : task.body["labels"])
                check_fields(label, {"name", "widget", "display_text", "help_text"}, "label");
        }
    }
}

TEST_CASE("protocol: messages, interactions' answers and errors have their documented shapes") {
    orchard::test::TempDir dir;
    const std::string key = orchard::test::create_api_key(dir.path(), false);
    orchard::test::TestServer server(dir.path(), {"--demo", "--quiet"});
    Frontend app(server.base_url(), key);

    auto task = app.request_task("shape-a", "assistant_reply");
    REQUIRE(task.status == 200);
    const std::string parent = task.body["conversation"]["messages"].back()["id"];
    auto message = app.get("/api/v1/messages/" + parent);
    check_fields(
        message.body,
        {"id",           "user_id",      "frontend_message_id", "text",           "lang",
         "is_assistant", "emojis",       "user_emojis",         "user_is_author", "synthetic",
         "parent_id",    "created_date", "review_result",       "review_count",   "deleted",
         "edited",       "model_name",   "message_tree_id",     "ranking_count",  "rank"},
        "Message");
    auto state = app.get("/api/v1/messages/" + parent + "/tree/state");
    check_fields(state.body,
                 {"message_tree_id", "goal_tree_size", "max_depth", "max_children_count", "state",
                  "active", "origin", "won_prompt_lottery_date", "lang"},
                 "tree state");

    REQUIRE(app.ack("shape-a", task.body["id"], "fe-shape").status == 204);
    auto done = app.interaction("shape-a", {{"type", "text_reply_to_message"},
                                            {"message_id", "fe-shape"},
                                            {"user_message_id", "um-shape"},
                                            {"text", "Here is a careful answer."},
                                            {"lang", "en"}});
    CHECK(done.body == json{{"id", done.body["id"]}, {"type", "task_done"}});

    auto availability =
        app.post("/api/v1/tasks/availability?lang=en", {{"user", Frontend::user("shape-b")}});
    for (const char* type :
         {"initial_prompt", "assistant_reply", "prompter_reply", "rank_assistant_replies",
          "rank_prompter_replies", "label_initial_prompt", "label_assistant_reply",
          "label_prompter_reply", "random"})
        CHECK(availability.body[type].is_number_integer());

    // Every refusal is exactly {"error_code": int, "message": text}.
    for (const auto& refusal :
         {app.get("/api/v1/messages/nope"), app.request_task("shape-c", "bogus"),
          app.post("/api/v1/tasks/interaction",
                   {{"type", "nonsense"}, {"user", Frontend::user("x")}})}) {
        INFO(refusal.body.dump());
        REQUIRE(refusal.body.is_object());
        CHECK(refusal.body.size() == 2);
        CHECK(refusal.body["error_code"].is_number_integer());
        CHECK(refusal.body["message"].is_string());
    }
}
