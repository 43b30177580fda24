// Moderation and administration against the real server (issue 19, docs/moderation.md): every
// moderator's and admin's action leaves a row in the audit log, chained by hashes so that a row
// changed in the database file is found; people are found, banned with a reason they are
// shown, hidden from the leaderboards, given roles and noted; moderators cannot do what is
// for admins, and nobody locks themselves out.
#include "tests/support/database_query.h"
#include "tests/support/frontend.h"
#include "tests/support/orchard_cli.h"
#include "tests/support/session_client.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_database.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>

using nlohmann::json;
using orchard::test::ApiAnswer;
using orchard::test::Browser;
using orchard::test::Frontend;

namespace {

struct StaffScene {
    orchard::test::TempDir dir;
    std::string plain_key = orchard::test::create_api_key(dir.path(), false);
    bool staff_added =
        orchard::test::add_user(dir.path(), "root", "admin", "admin password") &&
        orchard::test::add_user(dir.path(), "moder", "moderator", "mod password") &&
        orchard::test::add_user(dir.path(), "carla", "contributor", "carla password");
    orchard::test::TestServer server{dir.path(), {"--seed", "3", "--quiet"}};
    Frontend app{server.base_url(), plain_key};
    Browser browser{server.base_url()};
    std::string admin, moderator, carla; // session tokens
    std::string admin_id, moderator_id, carla_id;

    std::string sign_in(const std::string& name, const std::string& password, std::string& id) {
        auto answer =
            browser.post("/api/v1/auth/login", {{"username", name}, {"password", password}});
        REQUIRE(answer.status == 200);
        const std::string token = answer.body["token"];
        id = answer.body["user"]["id"];
        REQUIRE(browser.post("/api/v1/auth/accept_terms", json::object(), token).status == 200);
        return token;
    }

    StaffScene() {
        REQUIRE(staff_added);
        admin = sign_in("root", "admin password", admin_id);
        moderator = sign_in("moder", "mod password", moderator_id);
        carla = sign_in("carla", "carla password", carla_id);
    }

    int written = 0;
    // A message of the task `type` written through the frontend by `user`; its id.
    std::string write(const std::string& user, const std::string& type, const std::string& text) {
        auto task = app.request_task(user, type);
        REQUIRE(task.status == 200);
        const std::string n = std::to_string(++written);
        REQUIRE(app.ack(user, task.body["id"], "task-" + n).status == 204);
        auto done = app.interaction(user, {{"type", "text_reply_to_message"},
                                           {"message_id", "task-" + n},
                                           {"user_message_id", "msg-" + n},
                                           {"text", text}});
        REQUIRE(done.status == 200);
        return done.body["id"];
    }
    std::string write_prompt(const std::string& user, const std::string& text) {
        return write(user, "initial_prompt", text);
    }

    json audit(const std::string& query = "") {
        auto answer = browser.get("/api/v1/admin/audit" + query, admin);
        REQUIRE(answer.status == 200);
        return answer.body["items"];
    }

    // The person's Orchard id, found by the search as a moderator would.
    std::string find_person(const std::string& text) {
        auto answer = browser.get("/api/v1/moderation/users?search=" + text, moderator);
        REQUIRE(answer.status == 200);
        REQUIRE(answer.body["items"].size() == 1);
        return answer.body["items"][0]["id"];
    }

    void sql(const std::string& statement) { orchard::test::execute_sql(dir.path(), statement); }

    // What someone with the database's own rights could do to get past the refusals.
    void drop_audit_triggers() {
        sql(orchard::test::on_postgres()
                ? "DROP TRIGGER audit_log_no_change ON audit_log"
                : "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete");
    }
};

} // namespace

TEST_CASE("audit: every moderator and admin action leaves a row with who, what, before and after") {
    StaffScene s;
    const std::string prompt = s.write_prompt("ann", "How do I grow basil on a windowsill?");

    REQUIRE(s.browser.del("/api/v1/messages/" + prompt, s.moderator).status == 204);
    REQUIRE(s.browser.put("/api/v1/messages/" + prompt + "/undelete", json::object(), s.moderator)
                .status == 204);
    REQUIRE(s.browser
                .post("/api/v1/messages/" + prompt + "/edit",
                      {{"new_content", "How do I grow basil indoors?"}}, s.moderator)
                .status == 204);
    REQUIRE(s.browser
                .put("/api/v1/messages/" + prompt + "/tree/state?halt=true", json::object(),
                     s.moderator)
                .status == 200);
    REQUIRE(s.browser.put("/api/v1/admin/config", {{"max_active_trees", 7}}, s.admin).status ==
            200);

    const json rows = s.audit();
    REQUIRE(rows.size() == 5);
    // Newest first.
    CHECK(rows[0]["action"] == "config.change");
    CHECK(rows[0]["actor"]["user_id"] == s.admin_id);
    CHECK(rows[0]["before"]["max_active_trees"] == 10);
    CHECK(rows[0]["after"]["max_active_trees"] == 7);
    CHECK(rows[1]["action"] == "tree.halt");
    CHECK(rows[1]["target"]["id"] == prompt);
    CHECK(rows[1]["after"]["state"] == "halted_by_moderator");
    CHECK(rows[2]["action"] == "message.edit");
    CHECK(rows[2]["before"]["text"] == "How do I grow basil on a windowsill?");
    CHECK(rows[2]["after"]["text"] == "How do I grow basil indoors?");
    CHECK(rows[3]["action"] == "message.undelete");
    CHECK(rows[3]["before"]["deleted"] == true);
    CHECK(rows[3]["after"]["deleted"] == false);
    CHECK(rows[4]["action"] == "message.delete");
    CHECK(rows[4]["actor"]["user_id"] == s.moderator_id);
    CHECK(rows[4]["actor"]["display_name"] == "moder");
    CHECK(rows[4]["before"]["deleted"] == false);
    CHECK(rows[4]["after"]["deleted"] == true);
    // Each row carries the hash of the one before.
    for (std::size_t i = 0; i + 1 < rows.size(); ++i)
        CHECK(rows[i]["prev_hash"] == rows[i + 1]["hash"]);
    CHECK(rows[4]["prev_hash"] == std::string(64, '0'));

    SECTION("filtered by action and by who acted, paged, and followed from a row on") {
        auto deletes = s.audit("?action=message.delete");
        REQUIRE(deletes.size() == 1);
        CHECK(deletes[0]["target"]["id"] == prompt);
        // A kind: every message action, and nothing whose name only starts alike.
        auto message_actions = s.audit("?action=message.*");
        REQUIRE(message_actions.size() == 3);
        CHECK(message_actions[0]["action"] == "message.edit");
        CHECK(message_actions[2]["action"] == "message.delete");
        CHECK(s.audit("?action=message*").empty());
        CHECK(s.audit("?action=mess.*").empty());
        CHECK(s.audit("?actor=" + s.admin_id).size() == 1);
        CHECK(s.audit("?target=" + prompt).size() == 4);
        auto first = s.browser.get("/api/v1/admin/audit?max_count=2", s.admin);
        REQUIRE(first.body["items"].size() == 2);
        auto second = s.browser.get("/api/v1/admin/audit?max_count=2&before=" +
                                        first.body["next"].get<std::string>(),
                                    s.admin);
        REQUIRE(second.body["items"].size() == 2);
        CHECK(second.body["items"][0]["action"] == "message.edit");
        auto after = s.audit("?after=" + std::to_string(rows[2]["id"].get<int>()));
        REQUIRE(after.size() == 2);
        CHECK(after[0]["action"] == "tree.halt"); // oldest first
        CHECK(s.browser.get("/api/v1/admin/audit?after=x", s.admin).status == 400);
    }

    SECTION("a moderator, a contributor and a guest cannot read it") {
        CHECK(s.browser.get("/api/v1/admin/audit", s.moderator).status == 403);
        CHECK(s.browser.get("/api/v1/admin/audit", s.carla).status == 403);
        const std::string guest =
            s.browser.post("/api/v1/auth/guest", {{"display_name", "G"}}).body["token"];
        CHECK(s.browser.get("/api/v1/admin/audit", guest).status == 403);
        CHECK(s.browser.get("/api/v1/admin/audit/verify", s.moderator).status == 403);
    }

    SECTION("a refused action leaves no row") {
        CHECK(s.browser.put("/api/v1/admin/config", {{"max_active_trees", -1}}, s.admin).status ==
              400);
        CHECK(s.browser.del("/api/v1/messages/00000000-0000-4000-8000-000000000000", s.moderator)
                  .status == 404);
        CHECK(s.audit().size() == 5);
    }
}

TEST_CASE("audit: rows cannot be changed through SQLite, and a change made anyway is found") {
    StaffScene s;
    const std::string prompt = s.write_prompt("ann", "What is a good first houseplant?");
    REQUIRE(s.browser.del("/api/v1/messages/" + prompt, s.moderator).status == 204);
    REQUIRE(s.browser.put("/api/v1/messages/" + prompt + "/undelete", json::object(), s.moderator)
                .status == 204);
    REQUIRE(s.browser.del("/api/v1/messages/" + prompt, s.moderator).status == 204);

    auto verify = s.browser.get("/api/v1/admin/audit/verify", s.admin);
    REQUIRE(verify.status == 200);
    CHECK(verify.body["intact"] == true);
    CHECK(verify.body["rows"] == 3);
    CHECK(verify.body["head"] == s.audit()[0]["hash"]);
    const orchard::test::TempDir scratch;
    CHECK(orchard::test::run_orchard("audit verify --data " + s.dir.path().string(), scratch.path())
              .exit_code == 0);

    // The triggers refuse a change and a removal outright.
    CHECK_THROWS(s.sql("UPDATE audit_log SET after_json = '{}' WHERE seq = 2"));
    CHECK_THROWS(s.sql("DELETE FROM audit_log WHERE seq = 2"));

    SECTION("a row changed with the triggers dropped") {
        s.drop_audit_triggers();
        s.sql("UPDATE audit_log SET after_json = '{\"deleted\":true,\"hidden\":false}' "
              "WHERE seq = 2");
        verify = s.browser.get("/api/v1/admin/audit/verify", s.admin);
        CHECK(verify.body["intact"] == false);
        CHECK(verify.body["bad_id"] == 2);
        CHECK(verify.body["rows"] == 1);
        const auto run = orchard::test::run_orchard("audit verify --data " + s.dir.path().string(),
                                                    scratch.path());
        CHECK(run.exit_code == 1);
        CHECK_THAT(run.errors, Catch::Contains("row 2 was changed"));
    }
    SECTION("a row taken out of the middle, and rows taken off the end") {
        s.drop_audit_triggers();
        s.sql("DELETE FROM audit_log WHERE seq = 2");
        verify = s.browser.get("/api/v1/admin/audit/verify", s.admin);
        CHECK(verify.body["intact"] == false);
        CHECK(verify.body["bad_id"] == 3);
        s.sql("DELETE FROM audit_log WHERE seq = 3");
        verify = s.browser.get("/api/v1/admin/audit/verify", s.admin);
        CHECK(verify.body["intact"] == false);
        CHECK(verify.body["bad_id"] == 2);
        CHECK(orchard::test::run_orchard("audit verify --data " + s.dir.path().string(),
                                         scratch.path())
                  .exit_code == 1);
    }
}

TEST_CASE("people: found by name, banned with a reason they are shown, and let back in") {
    StaffScene s;
    const std::string carla = s.find_person("carl");
    CHECK(carla == s.carla_id);
    CHECK(s.find_person("CARLA") == carla); // usernames match whatever the case
    CHECK(s.browser.get("/api/v1/moderation/users?search=nobody-like-this", s.moderator)
              .body["items"]
              .empty());
    // % and _ are letters in a search, not patterns.
    CHECK(s.browser.get("/api/v1/moderation/users?search=%25", s.moderator).body["items"].empty());

    auto page = s.browser.get("/api/v1/moderation/users/" + carla, s.moderator);
    REQUIRE(page.status == 200);
    CHECK(page.body["user"]["username"] == "carla");
    CHECK(page.body["user"]["role"] == "contributor");
    CHECK(page.body["user"]["sign_in_methods"] == json::array({"password"}));
    CHECK(page.body["counts"]["messages"] == 0);
    CHECK(page.body["notes"].empty());

    // A ban needs a reason; a wrong type changes nothing.
    CHECK(s.browser.put("/api/v1/moderation/users/" + carla, {{"enabled", false}}, s.moderator)
              .status == 400);
    CHECK(s.browser
              .put("/api/v1/moderation/users/" + carla,
                   {{"enabled", "no"}, {"disabled_reason", "x"}}, s.moderator)
              .status == 400);
    CHECK(s.browser.get("/api/v1/auth/me", s.carla).body["enabled"] == true);

    auto banned = s.browser.put("/api/v1/moderation/users/" + carla,
                                {{"enabled", false}, {"disabled_reason", "Spam links in prompts."}},
                                s.moderator);
    REQUIRE(banned.status == 200);
    CHECK(banned.body["enabled"] == false);
    // Their next call says why, and so does signing in again.
    auto refused = s.browser.post("/api/v1/tasks", {{"type", "random"}}, s.carla);
    CHECK(refused.status == 503);
    CHECK(refused.error_code() == 4001);
    CHECK(refused.body["reason"] == "Spam links in prompts.");
    CHECK(s.browser.get("/api/v1/auth/me", s.carla).body["disabled_reason"] ==
          "Spam links in prompts.");
    auto sign_in = s.browser.post("/api/v1/auth/login",
                                  {{"username", "carla"}, {"password", "carla password"}});
    CHECK(sign_in.status == 503);
    CHECK(sign_in.body["reason"] == "Spam links in prompts.");

    REQUIRE(s.browser.put("/api/v1/moderation/users/" + carla, {{"enabled", true}}, s.moderator)
                .status == 200);
    CHECK(s.browser.post("/api/v1/tasks", {{"type", "random"}}, s.carla).status != 503);

    auto rows = s.audit("?target=" + carla);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["action"] == "user.unban");
    CHECK(rows[1]["action"] == "user.ban");
    CHECK(rows[1]["after"]["disabled_reason"] == "Spam links in prompts.");
    CHECK(rows[1]["actor"]["user_id"] == s.moderator_id);
}

TEST_CASE("people: hidden from the leaderboards by a moderator, notes, and roles for admins only") {
    StaffScene s;
    s.write_prompt("dora", "Which herbs grow well together?");
    const std::string dora = s.find_person("dora");
    auto on_board = [&] {
        auto board = s.app.get("/api/v1/leaderboards/total", "viewer");
        REQUIRE(board.status == 200);
        for (const auto& row : board.body["leaderboard"])
            if (row["user_id"] == dora) return true;
        return false;
    };
    REQUIRE(on_board());
    REQUIRE(s.browser
                .put("/api/v1/moderation/users/" + dora, {{"hidden_from_leaderboards", true}},
                     s.moderator)
                .status == 200);
    CHECK_FALSE(on_board());
    REQUIRE(s.browser
                .put("/api/v1/moderation/users/" + dora, {{"hidden_from_leaderboards", false}},
                     s.moderator)
                .status == 200);
    CHECK(on_board());

    auto note =
        s.browser.post("/api/v1/moderation/users/" + dora + "/notes",
                       {{"text", "Asked about spam on the forum; seems fine."}}, s.moderator);
    REQUIRE(note.status == 201);
    CHECK(
        s.browser.post("/api/v1/moderation/users/" + dora + "/notes", {{"text", "  "}}, s.moderator)
            .status == 400);
    auto page = s.browser.get("/api/v1/moderation/users/" + dora, s.moderator);
    REQUIRE(page.body["notes"].size() == 1);
    CHECK(page.body["notes"][0]["author_name"] == "moder");
    CHECK(page.body["counts"]["messages"] == 1);
    CHECK(page.body["user"]["auth_method"] == "local");

    // Roles: admins only, Orchard's own accounts only, and never one's own admin role.
    const std::string carla = s.carla_id;
    CHECK(s.browser.put("/api/v1/moderation/users/" + carla, {{"role", "moderator"}}, s.moderator)
              .status == 403);
    CHECK(s.browser.put("/api/v1/moderation/users/" + dora, {{"role", "moderator"}}, s.admin)
              .status == 400);
    CHECK(s.browser.put("/api/v1/moderation/users/" + carla, {{"role", "boss"}}, s.admin).status ==
          400);
    CHECK(
        s.browser.put("/api/v1/moderation/users/" + s.admin_id, {{"role", "contributor"}}, s.admin)
            .status == 400);
    CHECK(s.browser
              .put("/api/v1/moderation/users/" + s.admin_id,
                   {{"enabled", false}, {"disabled_reason", "oops"}}, s.admin)
              .status == 400);
    // A moderator cannot act on staff.
    CHECK(s.browser
              .put("/api/v1/moderation/users/" + s.admin_id,
                   {{"enabled", false}, {"disabled_reason", "coup"}}, s.moderator)
              .status == 403);
    auto promoted =
        s.browser.put("/api/v1/moderation/users/" + carla, {{"role", "moderator"}}, s.admin);
    REQUIRE(promoted.status == 200);
    CHECK(promoted.body["role"] == "moderator");
    CHECK(s.browser.get("/api/v1/moderation/flagged", s.carla).status == 200);

    const json rows = s.audit();
    REQUIRE(rows.size() == 4);
    CHECK(rows[0]["action"] == "user.role");
    CHECK(rows[0]["before"]["role"] == "contributor");
    CHECK(rows[0]["after"]["role"] == "moderator");
    CHECK(rows[1]["action"] == "user.note");
    CHECK(rows[2]["action"] == "user.leaderboard_visibility");
    CHECK(rows[3]["after"]["hidden_from_leaderboards"] == true);
    // Contributors and guests can do none of it.
    const std::string guest =
        s.browser.post("/api/v1/auth/guest", {{"display_name", "G"}}).body["token"];
    CHECK(s.browser.get("/api/v1/moderation/users", guest).status == 403);
    CHECK(s.browser
              .put("/api/v1/moderation/users/" + dora, {{"hidden_from_leaderboards", true}}, guest)
              .status == 403);
}

TEST_CASE("purge: a preview says exactly what goes, and the purge does just that") {
    StaffScene s;
    REQUIRE(s.browser
                .put("/api/v1/admin/config",
                     {{"num_reviews_initial_prompt", 1}, {"num_reviews_reply", 1}}, s.admin)
                .status == 200);
    const std::string prompt = s.write_prompt("ann", "How often should I water a cactus?");
    REQUIRE(orchard::test::do_one_task(s.app, "rev", "label_initial_prompt") ==
            "label_initial_prompt");
    const std::string spam_reply =
        s.write("sam", "assistant_reply", "Buy cheap pills at example.test, best prices!");
    REQUIRE(orchard::test::do_one_task(s.app, "rev", "label_assistant_reply") ==
            "label_assistant_reply");
    const std::string bea_answer = s.write("bea", "prompter_reply", "Is that a real answer?");
    const std::string spam_prompt = s.write_prompt("sam", "Visit example.test for free money!!");
    const std::string sam = s.find_person("sam");

    auto preview = s.browser.get("/api/v1/moderation/users/" + sam + "/purge", s.moderator);
    REQUIRE(preview.status == 200);
    CHECK(preview.body["messages"]["count"] == 2);
    CHECK(preview.body["messages"]["items"][0]["id"] == spam_reply);
    CHECK(preview.body["messages"]["items"][1]["id"] == spam_prompt);
    CHECK(preview.body["replies_under"] == 1); // Bea's answer goes with the spam reply
    REQUIRE(preview.body["trees"].size() == 1);
    CHECK(preview.body["trees"][0]["message_tree_id"] == spam_prompt);
    CHECK(preview.body["trees"][0]["from"] == "initial_prompt_review");
    CHECK(preview.body["trees"][0]["to"] == "aborted_low_grade");
    const json total = preview.body["points"]["scores"]["total"];
    CHECK(total["before"].get<int>() > 0);
    CHECK(total["after"] == 0);
    // The preview changed nothing.
    CHECK(s.app.get("/api/v1/messages/" + spam_reply, "viewer").status == 200);

    // The count the preview showed must still hold.
    auto stale = s.browser.post("/api/v1/moderation/users/" + sam + "/purge",
                                {{"expect_messages", 1}}, s.moderator);
    CHECK(stale.status == 409);
    CHECK(s.app.get("/api/v1/messages/" + spam_reply, "viewer").status == 200);

    auto purged = s.browser.post("/api/v1/moderation/users/" + sam + "/purge",
                                 {{"expect_messages", 2}}, s.moderator);
    REQUIRE(purged.status == 200);
    CHECK(purged.body["messages"]["count"] == 2);
    for (const auto& id : {spam_reply, bea_answer, spam_prompt})
        CHECK(s.app.get("/api/v1/messages/" + id, "viewer").status == 404);
    CHECK(s.app.get("/api/v1/messages/" + prompt, "viewer").status == 200);
    CHECK(s.app.get("/api/v1/messages/" + spam_prompt + "/tree/state", "viewer").status == 404);
    auto tree = s.browser.get("/api/v1/messages/" + spam_prompt + "/tree/state", s.moderator);
    CHECK(tree.body["state"] == "aborted_low_grade");
    auto stats = s.browser.get("/api/v1/moderation/users/" + sam, s.moderator);
    CHECK(stats.body["counts"]["deleted_messages"] == 2);
    const auto board = s.app.get("/api/v1/leaderboards/total", "viewer");
    for (const auto& row : board.body["leaderboard"])
        CHECK(row["user_id"] != sam);
    // Nothing is left to purge.
    CHECK(s.browser.get("/api/v1/moderation/users/" + sam + "/purge", s.moderator)
              .body["messages"]["count"] == 0);

    auto rows = s.audit("?action=user.purge");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["target"]["id"] == sam);
    CHECK(rows[0]["after"]["messages"]["count"] == 2);
    CHECK_FALSE(rows[0]["after"]["messages"]["items"][0].contains("text"));

    // Staff are for admins.
    CHECK(s.browser.get("/api/v1/moderation/users/" + s.admin_id + "/purge", s.moderator).status ==
          403);
    CHECK(s.browser.get("/api/v1/moderation/users/" + s.admin_id + "/purge", s.admin).status ==
          200);
}

TEST_CASE("api clients: created with a key shown once, disabled, trusted and rotated by admins") {
    StaffScene s;
    auto created = s.browser.post("/api/v1/admin/api_clients",
                                  {{"description", "The community chat bot"}}, s.admin);
    REQUIRE(created.status == 201);
    const std::string id = created.body["client"]["id"];
    const std::string key = created.body["api_key"];
    CHECK(created.body["client"]["trusted"] == false);
    CHECK(s.browser.post("/api/v1/admin/api_clients", {{"description", " "}}, s.admin).status ==
          400);

    Frontend bot(s.server.base_url(), key);
    CHECK(bot.get("/api/v1/stats").status == 200);
    CHECK(bot.get("/api/v1/moderation/flagged").status == 403);

    auto list = s.browser.get("/api/v1/admin/api_clients", s.admin);
    REQUIRE(list.status == 200);
    bool listed = false;
    for (const auto& item : list.body["items"]) {
        listed = listed || item["id"] == id;
        CHECK_FALSE(item.contains("api_key"));
    }
    CHECK(listed);

    REQUIRE(
        s.browser.put("/api/v1/admin/api_clients/" + id, {{"enabled", false}}, s.admin).status ==
        200);
    CHECK(bot.get("/api/v1/stats").status == 403);
    REQUIRE(
        s.browser
            .put("/api/v1/admin/api_clients/" + id, {{"enabled", true}, {"trusted", true}}, s.admin)
            .status == 200);
    CHECK(bot.get("/api/v1/moderation/flagged").status == 200);
    // The key of a request cannot lock itself out.
    CHECK(bot.put("/api/v1/admin/api_clients/" + id, {{"enabled", false}}).status == 400);

    auto rotated =
        s.browser.post("/api/v1/admin/api_clients/" + id + "/rotate", json::object(), s.admin);
    REQUIRE(rotated.status == 200);
    const std::string new_key = rotated.body["api_key"];
    CHECK(new_key != key);
    CHECK(bot.get("/api/v1/stats").status == 403);
    CHECK(Frontend(s.server.base_url(), new_key).get("/api/v1/stats").status == 200);

    CHECK(s.browser.get("/api/v1/admin/api_clients", s.moderator).status == 403);
    CHECK(s.browser.post("/api/v1/admin/api_clients", {{"description", "x"}}, s.moderator).status ==
          403);
    CHECK(s.browser.put("/api/v1/admin/api_clients/does-not-exist", {{"enabled", false}}, s.admin)
              .status == 404);

    const json rows = s.audit("?target=" + id);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0]["action"] == "api_client.rotate");
    CHECK(rows[1]["after"]["trusted"] == true);
    CHECK(rows[2]["before"]["enabled"] == true);
    CHECK(rows[2]["after"]["enabled"] == false);
    CHECK(rows[3]["action"] == "api_client.add");
    for (const auto& row : rows) {
        CHECK(row.dump().find(key) == std::string::npos);
        CHECK(row.dump().find(new_key) == std::string::npos);
    }
}

TEST_CASE(
    "tree manager: status for moderators, and each setting with its default and last change") {
    StaffScene s;
    const std::string prompt = s.write_prompt("ann", "Can mint and basil share a pot?");
    auto status = s.browser.get("/api/v1/moderation/status", s.moderator);
    REQUIRE(status.status == 200);
    CHECK(
        status.body["trees"] ==
        json::array(
            {{{"state", "initial_prompt_review"}, {"lang", "en"}, {"trees", 1}, {"messages", 1}}}));
    REQUIRE(status.body["active_trees"].size() == 1);
    CHECK(status.body["active_trees"][0]["message_tree_id"] == prompt);
    CHECK(status.body["active_trees"][0]["messages"] == 1);
    // A newcomer could review Ann's prompt.
    CHECK(status.body["available_tasks"]["en"]["label_initial_prompt"] == 1);
    CHECK(s.browser.get("/api/v1/moderation/status", s.carla).status == 403);

    REQUIRE(s.browser.put("/api/v1/admin/config", {{"max_active_trees", 7}}, s.admin).status ==
            200);
    REQUIRE(s.browser.put("/api/v1/admin/config", {{"max_active_trees", 8}}, s.admin).status ==
            200);
    auto details = s.browser.get("/api/v1/admin/config/details", s.admin);
    REQUIRE(details.status == 200);
    bool seen = false;
    for (const auto& item : details.body["items"]) {
        if (item["key"] != "max_active_trees") {
            CHECK(item["last_change"].is_null());
            continue;
        }
        seen = true;
        CHECK(item["value"] == 8);
        CHECK(item["default"] == 10);
        CHECK(item["last_change"]["before"] == 7);
        CHECK(item["last_change"]["after"] == 8);
        CHECK(item["last_change"]["actor"]["user_id"] == s.admin_id);
    }
    CHECK(seen);
    CHECK(s.browser.get("/api/v1/admin/config/details", s.moderator).status == 403);
}

TEST_CASE("review queue: reports and flag labels bring messages in, with their reasons") {
    StaffScene s;
    const std::string ad = s.write_prompt("ann", "Best prices on watches, click here");
    const std::string address = s.write_prompt("bob", "My address is 12 Elm Street, call me");
    auto label = [&](const std::string& who, const std::string& message, const json& labels,
                     bool report, const std::string& text) {
        const auto sent = s.app.post("/api/v1/text_labels", {{"user", Frontend::user(who)},
                                                             {"message_id", message},
                                                             {"labels", labels},
                                                             {"text", text},
                                                             {"is_report", report}});
        INFO(sent.body.dump());
        REQUIRE(sent.status == 204);
    };
    // A label that is not a flag brings nothing in.
    label("r0", ad, {{"quality", 0.25}}, false, "");
    CHECK(s.browser.get("/api/v1/moderation/flagged", s.moderator).body["items"].empty());

    label("r1", ad, {{"spam", 1}}, true, "This is an advertisement.");
    for (const char* who : {"r2", "r3", "r4"})
        label(who, address, {{"pii", 1}}, false, "");

    auto recent = s.browser.get("/api/v1/moderation/flagged", s.moderator);
    REQUIRE(recent.body["items"].size() == 2);
    CHECK(recent.body["items"][0]["message"]["id"] == address); // the latest first
    const json ad_item = recent.body["items"][1];
    CHECK(ad_item["reports"]["count"] == 1);
    CHECK(ad_item["reports"]["latest"][0]["text"] == "This is an advertisement.");
    CHECK(ad_item["labels"]["spam"] == 1);
    CHECK(ad_item["hidden"] == false); // only red flags hide
    CHECK(recent.body["items"][0]["labels"]["pii"] == 3);

    // The most flagged first: three flag labels against a report with one.
    label("r5", ad, {{"spam", 1}}, false, "");
    label("r6", ad, {{"spam", 1}}, false, "");
    auto most = s.browser.get("/api/v1/moderation/flagged?sort=most_flagged", s.moderator);
    REQUIRE(most.status == 200);
    CHECK(most.body["items"][0]["message"]["id"] == ad);
    CHECK(most.body["items"][0]["signals"] == 4);
    CHECK(s.browser.get("/api/v1/moderation/flagged?sort=loudest", s.moderator).status == 400);

    // Dealt with another way (the author told, the text edited): handled, out of the open queue.
    REQUIRE(
        s.browser
            .post("/api/v1/moderation/flagged/" + address, {{"decision", "handled"}}, s.moderator)
            .status == 204);
    auto open = s.browser.get("/api/v1/moderation/flagged", s.moderator);
    REQUIRE(open.body["items"].size() == 1);
    CHECK(open.body["items"][0]["message"]["id"] == ad);
    CHECK(s.audit("?action=flag.handled").size() == 1);
}
