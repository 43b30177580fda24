// Contributions that arrive after their tree moved on (docs/late-contributions.md), over real
// HTTP against the real server: a person is handed a task, other people's work moves the tree to
// its next state meanwhile, and what the person then sends is stored, marked late and kept out
// of the round that was already decided. Stopped trees (halted, aborted) and deleted messages
// still refuse, with the error codes of PROTOCOL.md.
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
using orchard::test::do_one_task;
using orchard::test::Frontend;
using orchard::test::TempDir;
using orchard::test::TestServer;

namespace {

struct Fixture {
    TempDir dir;
    std::string key = orchard::test::create_api_key(dir.path(), true);
    TestServer server{dir.path(), {"--seed", "11", "--quiet"}};
    Frontend bot{server.base_url(), key};

    // Trees of a prompt and its assistant replies only: two accepted replies complete one.
    // Reply tasks block their parent for others for one second only, so that a task can be
    // held while other people answer the same message.
    Fixture() {
        auto answer = bot.put("/api/v1/admin/config", {{"max_tree_depth", 1},
                                                       {"max_children_count", 3},
                                                       {"goal_tree_size", 3},
                                                       {"num_reviews_initial_prompt", 2},
                                                       {"num_reviews_reply", 2},
                                                       {"num_required_rankings", 2},
                                                       {"max_active_trees", 1},
                                                       {"recent_tasks_span_sec", 1}});
        REQUIRE(answer.status == 200);
    }

    long long query_int(const std::string& sql) {
        return orchard::test::query_int(dir.path(), sql);
    }

    std::string tree_state(const std::string& message_id) {
        auto state = bot.get("/api/v1/messages/" + message_id + "/tree/state");
        REQUIRE(state.status == 200);
        return state.body["state"];
    }

    // Requests and acknowledges a task of `type`, to be answered later.
    json hold_task(const std::string& user, const std::string& type,
                   const std::string& frontend_id) {
        auto task = bot.request_task(user, type);
        REQUIRE(task.status == 200);
        REQUIRE(task.body["type"] == type);
        REQUIRE(bot.ack(user, task.body["id"], frontend_id).status == 204);
        return task.body;
    }

    ApiAnswer reply(const std::string& user, const std::string& frontend_id,
                    const std::string& text) {
        return bot.interaction(user, {{"type", "text_reply_to_message"},
                                      {"message_id", frontend_id},
                                      {"user_message_id", "m-" + frontend_id},
                                      {"text", text},
                                      {"lang", "en"}});
    }
    ApiAnswer labels(const std::string& user, const json& task, double spam) {
        json values = json::object();
        for (const auto& name : task["valid_labels"])
            values[name.get<std::string>()] = 0.0;
        values["spam"] = spam;
        return bot.interaction(user, {{"type", "text_labels"},
                                      {"task_id", task["id"]},
                                      {"message_id", task["message_id"]},
                                      {"labels", values}});
    }
    ApiAnswer ranking(const std::string& user, const std::string& frontend_id, json order) {
        return bot.interaction(user, {{"type", "message_ranking"},
                                      {"message_id", frontend_id},
                                      {"ranking", std::move(order)},
                                      {"not_rankable", false}});
    }
};

void check_done(const ApiAnswer& answer) {
    INFO(answer.body.dump());
    REQUIRE(answer.status == 200);
    CHECK(answer.body["type"] == "task_done");
}

void check_refused(const ApiAnswer& answer, int status, int code) {
    INFO(answer.body.dump());
    CHECK(answer.status == status);
    CHECK(answer.error_code() == code);
    CHECK(answer.body["message"].is_string());
}

} // namespace

TEST_CASE("late: labels, a reply and a ranking sent after their tree moved on are kept, marked") {
    Fixture f;
    REQUIRE(do_one_task(f.bot, "ada", "initial_prompt") == "initial_prompt");
    REQUIRE(f.bot.put("/api/v1/admin/config", {{"max_initial_prompt_review", 0}}).status == 200);

    // Lena is handed the prompt's review; Bob's and Cy's reviews accept it before she answers,
    // and the tree starts growing.
    const json lena_task = f.hold_task("lena", "label_initial_prompt", "fe-lena");
    const std::string root = lena_task["message_id"];
    REQUIRE(do_one_task(f.bot, "bob", "label_initial_prompt") == "label_initial_prompt");
    REQUIRE(do_one_task(f.bot, "cy", "label_initial_prompt") == "label_initial_prompt");
    REQUIRE(f.tree_state(root) == "growing");
    check_done(f.labels("lena", lena_task, 0.0));
    auto prompt = f.bot.get("/api/v1/messages/" + root);
    CHECK(prompt.body["review_count"] == 2); // the reviews that decided
    CHECK(prompt.body["late_review_count"] == 1);
    CHECK(prompt.body["review_result"] == true);
    CHECK(f.query_int("SELECT count(*) FROM text_labels WHERE arrived_late = 1") == 1);
    CHECK(f.tree_state(root) == "growing");

    // Zed is handed a reply to the prompt; meanwhile Bob and Cy answer it, Dee and Eli accept
    // both answers, and the tree goal is reached: it moves to ranking.
    const json zed_task = f.hold_task("zed", "assistant_reply", "fe-zed");
    REQUIRE(zed_task["conversation"]["messages"].back()["id"] == root);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100)); // recent_tasks_span_sec
    REQUIRE(do_one_task(f.bot, "bob", "assistant_reply") == "assistant_reply");
    REQUIRE(do_one_task(f.bot, "cy", "assistant_reply") == "assistant_reply");
    for (const char* reviewer : {"dee", "dee", "eli", "eli"})
        REQUIRE(do_one_task(f.bot, reviewer, "label_assistant_reply") == "label_assistant_reply");
    REQUIRE(f.tree_state(root) == "ranking");

    // Rita is handed the ranking of those two answers.
    const json rita_task = f.hold_task("rita", "rank_assistant_replies", "fe-rita");
    REQUIRE(rita_task["reply_messages"].size() == 2);

    // Zed's reply arrives in the ranking tree: stored, marked, and not part of this round.
    auto zed_done = f.reply("zed", "fe-zed", "Keep basil like cut flowers: stems in water.");
    check_done(zed_done);
    const std::string late_reply = zed_done.body["id"];
    auto stored = f.bot.get("/api/v1/messages/" + late_reply);
    REQUIRE(stored.status == 200);
    CHECK(stored.body["arrived_after_growing"] == true);
    CHECK(stored.body["parent_id"] == root);
    CHECK(stored.body["review_result"].is_null());
    auto tree = f.bot.get("/api/v1/messages/" + root + "/tree");
    REQUIRE(tree.status == 200);
    std::set<std::string> late_in_tree;
    for (const auto& message : tree.body["messages"])
        if (message["arrived_after_growing"] == true) late_in_tree.insert(message["id"]);
    CHECK(late_in_tree == std::set<std::string>{late_reply});
    CHECK(f.tree_state(root) == "ranking");

    // Dee's ranking task, made after Zed's reply arrived, still shows the two on-time replies.
    const json dee_task = f.hold_task("dee", "rank_assistant_replies", "fe-dee");
    REQUIRE(dee_task["reply_messages"].size() == 2);
    for (const auto& reply : dee_task["reply_messages"])
        CHECK(reply["id"] != late_reply);
    check_done(f.ranking("dee", "fe-dee", {0, 1}));
    REQUIRE(do_one_task(f.bot, "eli", "rank_assistant_replies") == "rank_assistant_replies");
    REQUIRE(f.tree_state(root) == "ready_for_export");

    // Rita's ranking arrives after the tree was scored: stored and marked, the consensus as is.
    std::map<std::string, json> ranks_before;
    const auto scored = f.bot.get("/api/v1/messages/" + root + "/tree");
    for (const auto& message : scored.body["messages"])
        ranks_before[message["id"]] = message["rank"];
    check_done(f.ranking("rita", "fe-rita", {1, 0}));
    CHECK(f.query_int("SELECT count(*) FROM rankings WHERE arrived_late = 1") == 1);
    CHECK(f.query_int("SELECT count(*) FROM rankings") == 3);
    auto parent = f.bot.get("/api/v1/messages/" + root);
    CHECK(parent.body["ranking_count"] == 2);
    CHECK(parent.body["late_ranking_count"] == 1);
    CHECK(f.tree_state(root) == "ready_for_export");
    const auto after = f.bot.get("/api/v1/messages/" + root + "/tree");
    REQUIRE(after.body["messages"].size() == 4);
    for (const auto& message : after.body["messages"])
        CHECK(message["rank"] == ranks_before[message["id"]]);
    CHECK(ranks_before[late_reply].is_null()); // never ranked
    // A retry of the late ranking answers as the first time did.
    check_done(f.ranking("rita", "fe-rita", {1, 0}));
    CHECK(f.query_int("SELECT count(*) FROM rankings") == 3);
}

TEST_CASE("late: a halted tree and a deleted parent still refuse a reply, with their reasons") {
    Fixture f;
    REQUIRE(do_one_task(f.bot, "ada", "initial_prompt") == "initial_prompt");
    REQUIRE(do_one_task(f.bot, "bob", "label_initial_prompt") == "label_initial_prompt");
    REQUIRE(do_one_task(f.bot, "cy", "label_initial_prompt") == "label_initial_prompt");
    const json zed_task = f.hold_task("zed", "assistant_reply", "fe-zed");
    const std::string root = zed_task["conversation"]["messages"].back()["id"];
    REQUIRE(f.tree_state(root) == "growing");

    const std::string state_path = "/api/v1/messages/" + root + "/tree/state";
    REQUIRE(f.bot.put(state_path + "?halt=true", json::object()).status == 200);
    auto halted = f.reply("zed", "fe-zed", "An answer to a halted conversation.");
    check_refused(halted, 400, 2010);
    CHECK_THAT(halted.body.value("message", ""), Catch::Matchers::Contains("halted"));

    REQUIRE(f.bot.put(state_path + "?halt=false", json::object()).status == 200);
    REQUIRE(f.tree_state(root) == "growing");
    REQUIRE(f.bot.delete_("/api/v1/messages/" + root).status == 204);
    auto deleted = f.reply("zed", "fe-zed", "An answer to a deleted prompt.");
    check_refused(deleted, 404, 2001);
    CHECK_THAT(deleted.body.value("message", ""), Catch::Matchers::Contains("deleted"));
    CHECK(f.query_int("SELECT count(*) FROM messages") == 1); // nothing was stored

    // Restored, the tree takes the same task's reply again, on time.
    REQUIRE(f.bot.put("/api/v1/messages/" + root + "/undelete", json::object()).status == 204);
    auto done = f.reply("zed", "fe-zed", "An answer once the prompt is back.");
    check_done(done);
    CHECK(f.bot.get("/api/v1/messages/" + std::string(done.body["id"]))
              .body["arrived_after_growing"] == false);
}

TEST_CASE("late: labels for a prompt whose tree was aborted meanwhile are refused") {
    Fixture f;
    REQUIRE(do_one_task(f.bot, "ada", "initial_prompt") == "initial_prompt");
    const json lena_task = f.hold_task("lena", "label_initial_prompt", "fe-lena");
    const std::string root = lena_task["message_id"];
    for (const char* reviewer : {"bob", "cy"}) {
        const json task =
            f.hold_task(reviewer, "label_initial_prompt", std::string("fe-") + reviewer);
        check_done(f.labels(reviewer, task, 1.0)); // spam
    }
    REQUIRE(f.tree_state(root) == "aborted_low_grade");
    auto refused = f.labels("lena", lena_task, 0.0);
    check_refused(refused, 400, 2010);
    CHECK_THAT(refused.body.value("message", ""), Catch::Matchers::Contains("aborted_low_grade"));
    CHECK(f.query_int("SELECT count(*) FROM text_labels") == 2);
    CHECK(f.bot.get("/api/v1/messages/" + root).body["late_review_count"] == 0);
}
