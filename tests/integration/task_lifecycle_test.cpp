// The task lifecycle of PROTOCOL.md §2 over real HTTP against the real server: error paths,
// idempotent retries, and several users driving a tree from its first prompt to export.
#include "tests/support/database_query.h"
#include "tests/support/frontend.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <set>
#include <thread>

using nlohmann::json;
using orchard::test::ApiAnswer;
using orchard::test::Frontend;
using orchard::test::TempDir;
using orchard::test::TestServer;

namespace {

// A server with one trusted and one untrusted frontend, and small trees so a test can finish one.
struct Fixture {
    TempDir dir;
    std::string trusted_key = orchard::test::create_api_key(dir.path(), true);
    std::string untrusted_key = orchard::test::create_api_key(dir.path(), false);
    TestServer server{dir.path(), {"--seed", "7", "--quiet"}};
    Frontend bot{server.base_url(), trusted_key};

    void small_trees() {
        auto answer =
            bot.put("/api/v1/admin/config", {{"max_tree_depth", 2},
                                             {"max_children_count", 2},
                                             {"goal_tree_size", 5},
                                             {"num_reviews_initial_prompt", 2},
                                             {"num_reviews_reply", 2},
                                             {"num_required_rankings", 2},
                                             {"max_active_trees", 1},
                                             {"p_full_labeling_review_reply_prompter", 1.0}});
        REQUIRE(answer.status == 200);
    }

    // Counts rows with a query on the server's database file (read-only checks).
    long long query_int(const std::string& sql) {
        return orchard::test::query_int(dir.path(), sql);
    }
    std::string query_text(const std::string& sql) {
        return orchard::test::query_text(dir.path(), sql);
    }
};

} // namespace

TEST_CASE("tasks: calls without a valid API key or user are refused") {
    Fixture f;
    Frontend nobody(f.server.base_url(), "orchard_not-a-key");
    auto refused = nobody.request_task("u1", "random");
    CHECK(refused.status == 403);
    CHECK(refused.error_code() == 2);

    auto no_user = f.bot.post("/api/v1/tasks/", {{"type", "random"}});
    CHECK(no_user.status == 400);
    CHECK(no_user.error_code() == 4000);

    auto bad_type = f.bot.request_task("u1", "write_a_novel");
    CHECK(bad_type.status == 400);
    CHECK(bad_type.error_code() == 2004);

    Frontend untrusted(f.server.base_url(), f.untrusted_key);
    CHECK(untrusted.get("/api/v1/admin/config").status == 403);
}

TEST_CASE("tasks: a first prompt, acked and answered, starts a tree under review") {
    Fixture f;
    auto task = f.bot.request_task("ada", "initial_prompt");
    REQUIRE(task.status == 200);
    CHECK(task.body["type"] == "initial_prompt");
    CHECK(task.body.contains("hint"));
    const std::string id = task.body["id"];

    // Answering before the ack: the frontend id is unknown.
    auto early = f.bot.interaction("ada", {{"type", "text_reply_to_message"},
                                           {"message_id", "fe-1"},
                                           {"user_message_id", "m-1"},
                                           {"text", "Hello?"}});
    CHECK(early.error_code() == 2100);
    // Someone else's task.
    CHECK(f.bot.ack("bob", id, "fe-1").error_code() == 2106);
    REQUIRE(f.bot.ack("ada", id, "fe-1").status == 204);
    CHECK(f.bot.ack("ada", id, "fe-1").status == 204); // the same ack again

    auto reply = [&](const std::string& text) {
        return f.bot.interaction("ada", {{"type", "text_reply_to_message"},
                                         {"message_id", "fe-1"},
                                         {"user_message_id", "m-1"},
                                         {"text", text},
                                         {"lang", "en"}});
    };
    CHECK(reply("   \n ").error_code() == 1010);
    CHECK(reply(std::string(2001, 'x')).error_code() == 1008);
    auto first = reply("How do I keep basil fresh for a week?");
    REQUIRE(first.status == 200);
    auto again = reply("How do I keep basil fresh for a week?");
    REQUIRE(again.status == 200);
    CHECK(again.body["id"] == first.body["id"]); // a retry creates nothing new
    CHECK(f.query_int("SELECT count(*) FROM messages") == 1);
    CHECK(f.query_text("SELECT state FROM message_trees") == "initial_prompt_review");

    // The same text again soon after, in a new task, is a duplicate.
    auto second = f.bot.request_task("ada", "initial_prompt");
    REQUIRE(f.bot.ack("ada", second.body["id"], "fe-2").status == 204);
    auto duplicate = f.bot.interaction("ada", {{"type", "text_reply_to_message"},
                                               {"message_id", "fe-2"},
                                               {"user_message_id", "m-2"},
                                               {"text", "How do I keep basil fresh for a week?"}});
    CHECK(duplicate.error_code() == 1009);
}

TEST_CASE("tasks: nobody reviews their own prompt, and reviews decide acceptance") {
    Fixture f;
    f.small_trees();
    REQUIRE(orchard::test::do_one_task(f.bot, "ada", "initial_prompt") == "initial_prompt");
    // Ada cannot label her own prompt; Bob and Cy can, once each.
    CHECK(f.bot.request_task("ada", "label_initial_prompt").error_code() == 1006);
    REQUIRE(orchard::test::do_one_task(f.bot, "bob", "label_initial_prompt") ==
            "label_initial_prompt");
    CHECK(f.bot.request_task("bob", "label_initial_prompt").error_code() == 1006);
    REQUIRE(orchard::test::do_one_task(f.bot, "cy", "label_initial_prompt") ==
            "label_initial_prompt");
    // Two clean reviews accept the prompt; the lottery lets it grow at once (room for one tree).
    CHECK(f.query_text("SELECT state FROM message_trees") == "growing");
    CHECK(f.query_int("SELECT review_result FROM messages") == 1);
    auto reply = f.bot.request_task("bob", "assistant_reply");
    REQUIRE(reply.status == 200);
    CHECK(reply.body["conversation"]["messages"].size() == 1);
}

TEST_CASE("tasks: labels are validated and a skipped message does not come back") {
    Fixture f;
    f.small_trees();
    orchard::test::do_one_task(f.bot, "ada", "initial_prompt");
    auto task = f.bot.request_task("bob", "label_initial_prompt");
    REQUIRE(task.status == 200);
    const std::string task_id = task.body["id"];
    const std::string message_id = task.body["message_id"];
    auto labels = [&](json values) {
        return f.bot.interaction("bob", {{"type", "text_labels"},
                                         {"task_id", task_id},
                                         {"message_id", message_id},
                                         {"labels", values}});
    };
    CHECK(labels({{"spam", 0}}).error_code() == 2104); // not acknowledged yet
    REQUIRE(f.bot.ack("bob", task_id, "fe-label").status == 204);
    CHECK(labels({{"quality", 0.5}}).error_code() == 2052);             // spam is mandatory
    CHECK(labels({{"spam", 0}, {"nonsense", 1}}).error_code() == 2051); // unknown label
    CHECK(labels({{"spam", 1.5}}).error_code() == 2051);                // out of range
    CHECK(f.query_int("SELECT count(*) FROM text_labels") == 0);        // nothing was stored

    REQUIRE(f.bot.nack("bob", task_id).status == 204);
    CHECK(f.bot.request_task("bob", "label_initial_prompt").error_code() == 1006);
    CHECK(f.bot.request_task("cy", "label_initial_prompt").status == 200);
}

TEST_CASE("tasks: at most 8 open tasks per user") {
    Fixture f;
    for (int i = 0; i < 8; ++i)
        REQUIRE(f.bot.request_task("ada", "initial_prompt").status == 200);
    auto ninth = f.bot.request_task("ada", "initial_prompt");
    CHECK(ninth.status == 400);
    CHECK(ninth.error_code() == 1012);
}

TEST_CASE("tasks: availability counts what each user may do") {
    Fixture f;
    f.small_trees();
    orchard::test::do_one_task(f.bot, "ada", "initial_prompt");
    auto for_ada =
        f.bot.post("/api/v1/tasks/availability?lang=en", {{"user", Frontend::user("ada")}});
    auto for_bob =
        f.bot.post("/api/v1/tasks/availability?lang=en", {{"user", Frontend::user("bob")}});
    REQUIRE(for_ada.status == 200);
    CHECK(for_ada.body["label_initial_prompt"] == 0);
    CHECK(for_bob.body["label_initial_prompt"] == 1);
    CHECK(for_bob.body["initial_prompt"] == 1);
    CHECK(for_bob.body["random"] == 2);
    // Open-Assistant frontends send the user object itself as the body.
    auto bare = f.bot.post("/api/v1/tasks/availability?lang=en", Frontend::user("bob"));
    REQUIRE(bare.status == 200);
    CHECK(bare.body == for_bob.body);
}

TEST_CASE("tasks: reads answered beside the writer still create and rename their user") {
    // Availability and leaderboards run on read connections; a user seen for the first time, or
    // renamed, needs a write, and the request is run again as one.
    Fixture f;
    const auto users_named = [&](const std::string& id, const std::string& name) {
        return f.query_int("SELECT count(*) FROM users WHERE external_id = '" + id +
                           "' AND display_name = '" + name + "'");
    };
    auto first = f.bot.post("/api/v1/tasks/availability?lang=en", Frontend::user("cleo"));
    REQUIRE(first.status == 200);
    CHECK(first.body["initial_prompt"] == 1);
    CHECK(users_named("cleo", "User cleo") == 1);
    REQUIRE(f.bot.get("/api/v1/leaderboards/day", "dora").status == 200);
    CHECK(users_named("dora", "dora") == 1); // named by id, as first seen without a name
    auto renamed = f.bot.post("/api/v1/tasks/availability?lang=en",
                              {{"id", "cleo"}, {"display_name", "Cleo"}, {"auth_method", "local"}});
    REQUIRE(renamed.status == 200);
    CHECK(renamed.body == first.body);
    CHECK(users_named("cleo", "Cleo") == 1);
}

TEST_CASE("tasks: configuration changes are validated as a whole") {
    Fixture f;
    auto before = f.bot.get("/api/v1/admin/config");
    REQUIRE(before.status == 200);
    CHECK(before.body["goal_tree_size"] == 12);
    CHECK(before.body["max_active_trees"] == 10);
    auto bad = f.bot.put("/api/v1/admin/config", {{"goal_tree_size", 20}, {"no_such_setting", 1}});
    CHECK(bad.status == 400);
    CHECK(f.bot.put("/api/v1/admin/config", {{"goal_tree_size", -1}}).status == 400);
    CHECK(f.bot.put("/api/v1/admin/config", {{"goal_tree_size", 2.5}}).status == 400);
    CHECK(f.bot.get("/api/v1/admin/config").body["goal_tree_size"] == 12); // unchanged
    auto good = f.bot.put("/api/v1/admin/config", {{"goal_tree_size", 20}});
    CHECK(good.body["goal_tree_size"] == 20);
    CHECK(f.bot.get("/api/v1/admin/config").body["goal_tree_size"] == 20);
}

TEST_CASE("tasks: several users drive a tree from its first prompt to ready_for_export") {
    Fixture f;
    f.small_trees();
    const std::vector<std::string> users = {"ada", "bob", "cy", "dee", "eli"};
    REQUIRE(orchard::test::do_one_task(f.bot, "ada", "initial_prompt") == "initial_prompt");
    // Nobody writes new prompts from here on: only the first tree is driven to the end.
    f.bot.put("/api/v1/admin/config", {{"max_initial_prompt_review", 0}});

    std::map<std::string, int> done_by_type;
    for (int round = 0; round < 60; ++round) {
        if (f.query_text("SELECT state FROM message_trees") == "ready_for_export") break;
        for (const auto& user : users) {
            const std::string type = orchard::test::do_one_task(f.bot, user);
            if (!type.empty()) done_by_type[type] += 1;
        }
    }
    INFO("tasks done: " << json(done_by_type).dump());
    REQUIRE(f.query_text("SELECT state FROM message_trees") == "ready_for_export");
    CHECK(done_by_type["assistant_reply"] >= 2);
    CHECK(done_by_type["prompter_reply"] >= 1);
    CHECK(done_by_type["rank_assistant_replies"] + done_by_type["rank_prompter_replies"] >= 2);
    CHECK(done_by_type["label_assistant_reply"] >= 2);

    // Rules that must hold over everything stored.
    CHECK(f.query_int("SELECT count(*) FROM text_labels l JOIN messages m ON m.id = l.message_id "
                      "WHERE l.user_id = m.user_id") == 0); // no self-labeling
    CHECK(f.query_int("SELECT count(*) FROM rankings r JOIN messages m ON m.parent_id = "
                      "r.parent_message_id WHERE m.user_id = r.user_id") == 0); // no self-ranking
    CHECK(f.query_int("SELECT count(*) FROM (SELECT message_id, user_id FROM text_labels "
                      "GROUP BY 1, 2 HAVING count(*) > 1) AS twice") == 0); // nobody reviews twice
    CHECK(f.query_int("SELECT max(depth) FROM messages") <= 2);
    CHECK(f.query_int("SELECT max(children_count) FROM messages") <= 2);
    CHECK(f.query_int("SELECT count(*) FROM messages WHERE review_result IS NULL") == 0);
    // Siblings that were ranked got the consensus: shorter replies first, ranks 0, 1, ...
    const long long ranked_parents =
        f.query_int("SELECT count(DISTINCT parent_message_id) FROM rankings");
    REQUIRE(ranked_parents >= 1);
    CHECK(f.query_int("SELECT count(*) FROM messages WHERE rank = 0") == ranked_parents);
    CHECK(
        f.query_int("SELECT count(*) FROM messages a JOIN messages b ON a.parent_id = b.parent_id "
                    "WHERE a.rank < b.rank AND length(a.text) > length(b.text)") == 0);
}

TEST_CASE("tasks: an expired task can no longer be acknowledged or answered") {
    Fixture f;
    REQUIRE(f.bot.put("/api/v1/admin/config", {{"task_expiry_sec", 1}}).status == 200);
    auto task = f.bot.request_task("ada", "initial_prompt");
    auto other = f.bot.request_task("ada", "initial_prompt");
    REQUIRE(f.bot.ack("ada", other.body["id"], "fe-early").status == 204);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    CHECK(f.bot.ack("ada", task.body["id"], "fe-late").error_code() == 2101);
    auto late = f.bot.interaction("ada", {{"type", "text_reply_to_message"},
                                          {"message_id", "fe-early"},
                                          {"user_message_id", "m-late"},
                                          {"text", "Too late?"}});
    CHECK(late.error_code() == 2101);
    CHECK(f.query_int("SELECT count(*) FROM messages") == 0);
}

TEST_CASE("tasks: a collective task is closed by its frontend id") {
    Fixture f;
    auto task = f.bot.request_task("ada", "initial_prompt");
    REQUIRE(f.bot.ack("ada", task.body["id"], "fe-collective").status == 204);
    auto closed = f.bot.post("/api/v1/tasks/close",
                             {{"message_id", "fe-collective"}, {"user", Frontend::user("ada")}});
    REQUIRE(closed.status == 200);
    CHECK(closed.body["type"] == "task_done");
    CHECK(
        f.bot.post("/api/v1/tasks/close", {{"message_id", "nope"}, {"user", Frontend::user("ada")}})
            .error_code() == 2100);
}

TEST_CASE("tasks: a legacy message_rating is accepted and stored") {
    Fixture f;
    auto task = f.bot.request_task("ada", "initial_prompt");
    REQUIRE(f.bot.ack("ada", task.body["id"], "fe-rated").status == 204);
    REQUIRE(f.bot
                .interaction("ada", {{"type", "text_reply_to_message"},
                                     {"message_id", "fe-rated"},
                                     {"user_message_id", "m-rated"},
                                     {"text", "Rate me"}})
                .status == 200);
    auto rated = f.bot.interaction(
        "bob", {{"type", "message_rating"}, {"message_id", "m-rated"}, {"rating", 4}});
    CHECK(rated.status == 200);
    CHECK(f.query_int("SELECT count(*) FROM text_labels WHERE " +
                      orchard::test::json_number("labels", "rating") + " = 4") == 1);
    CHECK(
        f.bot
            .interaction("bob", {{"type", "message_rating"}, {"message_id", "nope"}, {"rating", 4}})
            .error_code() == 2001);
}
