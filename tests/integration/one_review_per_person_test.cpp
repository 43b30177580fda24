// One review and one ranking per person and message, as in Open-Assistant (issue 15): a guest
// held several label tasks on one prompt and accepted it alone (3 of 3 reviews), and ranked one
// parent twice, earning points each time. Over real HTTP against the real server.
#include "tests/support/database_query.h"
#include "tests/support/frontend.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using nlohmann::json;
using orchard::test::Frontend;
using orchard::test::TempDir;
using orchard::test::TestServer;

namespace {

struct Fixture {
    TempDir dir;
    std::string key = orchard::test::create_api_key(dir.path(), true);
    TestServer server{dir.path(), {"--seed", "7", "--quiet"}};
    Frontend bot{server.base_url(), key};

    // Small trees that reach ranking soon; three reviews per message, as in the attack.
    void small_trees() {
        REQUIRE(bot.put("/api/v1/admin/config", {{"max_tree_depth", 2},
                                                 {"max_children_count", 2},
                                                 {"goal_tree_size", 5},
                                                 {"num_reviews_initial_prompt", 3},
                                                 {"num_reviews_reply", 2},
                                                 {"num_required_rankings", 3},
                                                 {"max_active_trees", 1}})
                    .status == 200);
    }
    long long query_int(const std::string& sql) {
        return orchard::test::query_int(dir.path(), sql);
    }
    std::string user_id(const std::string& external) {
        return orchard::test::query_text(dir.path(), "SELECT id FROM users WHERE external_id = '" +
                                                         external + "'");
    }
    long long ledger_rows(const std::string& external) {
        return query_int("SELECT count(*) FROM ledger WHERE user_id = '" + user_id(external) + "'");
    }
    // A second open task of `task_id`'s kind on the same message for the same person, as an
    // older server handed out (no request can get one now): what the attacker held.
    std::string copy_task(const std::string& task_id) {
        const std::string copy = task_id + "-held";
        query_int("INSERT INTO tasks (id, type, user_id, api_client_id, lang, message_tree_id, "
                  "parent_message_id, collective, created_ms, expiry_ms) SELECT '" +
                  copy +
                  "', type, user_id, api_client_id, lang, message_tree_id, parent_message_id, "
                  "collective, created_ms, expiry_ms FROM tasks WHERE id = '" +
                  task_id + "'");
        query_int("INSERT INTO task_payloads (task_id, payload) SELECT '" + copy +
                  "', payload FROM task_payloads WHERE task_id = '" + task_id + "'");
        REQUIRE(query_int("SELECT count(*) FROM tasks WHERE id = '" + copy + "'") == 1);
        return copy;
    }
    json availability(const std::string& user) {
        auto answer =
            bot.post("/api/v1/tasks/availability?lang=en", {{"user", Frontend::user(user)}});
        REQUIRE(answer.status == 200);
        return answer.body;
    }
};

json labels_of(const json& task) {
    json labels = json::object();
    for (const auto& name : task["valid_labels"])
        labels[name.get<std::string>()] = 0.0;
    return labels;
}

} // namespace

TEST_CASE("one review per person: a label task is not handed twice on one message") {
    Fixture f;
    f.small_trees();
    REQUIRE(orchard::test::do_one_task(f.bot, "ada", "initial_prompt") == "initial_prompt");
    auto first = f.bot.request_task("bob", "label_initial_prompt");
    REQUIRE(first.status == 200);
    // While Bob holds it, the prompt is not his to review again, nor counted as available.
    auto second = f.bot.request_task("bob", "label_initial_prompt");
    CHECK(second.error_code() == 1006);
    CHECK(f.availability("bob")["label_initial_prompt"] == 0);
    CHECK(f.availability("cy")["label_initial_prompt"] == 1);

    // Once he labeled it, neither.
    REQUIRE(f.bot.ack("bob", first.body["id"], "bob-label-1").status == 204);
    REQUIRE(f.bot
                .interaction("bob", {{"type", "text_labels"},
                                     {"task_id", first.body["id"]},
                                     {"message_id", first.body["message_id"]},
                                     {"labels", labels_of(first.body)}})
                .status == 200);
    CHECK(f.bot.request_task("bob", "label_initial_prompt").error_code() == 1006);
    CHECK(f.bot.request_task("cy", "label_initial_prompt").status == 200);
}

TEST_CASE("one review per person: a second review of one message is refused and earns nothing") {
    Fixture f;
    f.small_trees();
    REQUIRE(orchard::test::do_one_task(f.bot, "ada", "initial_prompt") == "initial_prompt");
    auto task = f.bot.request_task("bob", "label_initial_prompt");
    REQUIRE(task.status == 200);
    const std::string message_id = task.body["message_id"];
    const std::vector<std::string> held = {task.body["id"], f.copy_task(task.body["id"])};

    std::vector<int> codes;
    for (size_t i = 0; i < held.size(); ++i) {
        REQUIRE(f.bot.ack("bob", held[i], "bob-label-" + std::to_string(i)).status == 204);
        auto answer = f.bot.interaction("bob", {{"type", "text_labels"},
                                                {"task_id", held[i]},
                                                {"message_id", message_id},
                                                {"labels", labels_of(task.body)}});
        codes.push_back(answer.status == 200 ? 0 : answer.error_code());
    }
    CHECK(codes == std::vector<int>{0, 2053});
    CHECK(f.query_int("SELECT count(*) FROM text_labels") == 1);
    CHECK(f.query_int("SELECT review_count FROM messages WHERE id = '" + message_id + "'") == 1);
    CHECK(f.ledger_rows("bob") == 1);
    // The refused task stays open: a retry of it is refused again, and changes nothing.
    auto again = f.bot.interaction("bob", {{"type", "text_labels"},
                                           {"task_id", held[1]},
                                           {"message_id", message_id},
                                           {"labels", labels_of(task.body)}});
    CHECK(again.error_code() == 2053);
    CHECK(f.query_int("SELECT review_count FROM messages WHERE id = '" + message_id + "'") == 1);
}

TEST_CASE("one review per person: one ranking per parent, and no second ranking task on it") {
    Fixture f;
    f.small_trees();
    const std::vector<std::string> users = {"ada", "bob", "cy", "dee", "eli"};
    REQUIRE(orchard::test::do_one_task(f.bot, "ada", "initial_prompt") == "initial_prompt");
    REQUIRE(f.bot.put("/api/v1/admin/config", {{"max_initial_prompt_review", 0}}).status == 200);
    // Others grow the tree until Zed, who wrote nothing in it, may rank a parent's replies.
    auto rankable = [&] {
        const json counts = f.availability("zed");
        return counts["rank_assistant_replies"].get<int>() +
                   counts["rank_prompter_replies"].get<int>() >
               0;
    };
    for (int round = 0; round < 60 && !rankable(); ++round)
        for (const auto& user : users) {
            if (rankable()) break;
            orchard::test::do_one_task(f.bot, user);
        }
    REQUIRE(rankable());
    const std::string type = f.availability("zed")["rank_assistant_replies"] > 0
                                 ? "rank_assistant_replies"
                                 : "rank_prompter_replies";
    auto task = f.bot.request_task("zed", type);
    REQUIRE(task.status == 200);
    const std::string parent = task.body["ranking_parent_id"];
    CHECK(f.bot.request_task("zed", type).error_code() == 1006);

    const std::vector<std::string> held = {task.body["id"], f.copy_task(task.body["id"])};
    json order = json::array();
    for (size_t i = 0; i < task.body["replies"].size(); ++i)
        order.push_back(i);
    std::vector<int> codes;
    for (size_t i = 0; i < held.size(); ++i) {
        const std::string frontend_id = "zed-rank-" + std::to_string(i);
        REQUIRE(f.bot.ack("zed", held[i], frontend_id).status == 204);
        auto answer = f.bot.interaction("zed", {{"type", "message_ranking"},
                                                {"message_id", frontend_id},
                                                {"ranking", order},
                                                {"not_rankable", false}});
        codes.push_back(answer.status == 200 ? 0 : answer.error_code());
    }
    CHECK(codes == std::vector<int>{0, 2053});
    CHECK(f.query_int("SELECT count(*) FROM rankings WHERE user_id = '" + f.user_id("zed") + "'") ==
          1);
    CHECK(f.query_int("SELECT ranking_count FROM messages WHERE id = '" + parent + "'") == 1);
    CHECK(f.ledger_rows("zed") == 1);
    CHECK(f.bot.request_task("zed", type).error_code() == 1006);
}
