// Rewards over real HTTP (PROTOCOL.md §7, §9; docs/rewards.md): the points a contributor earns
// by doing tasks, on the leaderboards, in their stats, window, ledger and contributions; the news
// feed with its ETag; prizes; the trollboard; and refusals of bad input that change nothing.
#include "tests/support/database_query.h"
#include "tests/support/frontend.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

using nlohmann::json;
using orchard::test::Frontend;
using orchard::test::TempDir;
using orchard::test::TestServer;

namespace {

std::string iso_in(std::chrono::milliseconds from_now) {
    const auto at = std::chrono::system_clock::now() + from_now;
    const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// Ada's prompt, reviewed once by Bob (a full review: 2 points) and so accepted; Bob answers it
// as the assistant (4 points).
struct Scene {
    TempDir dir;
    std::string trusted_key = orchard::test::create_api_key(dir.path(), true);
    std::string plain_key = orchard::test::create_api_key(dir.path(), false);
    std::vector<std::string> extra_args;
    std::unique_ptr<TestServer> server;
    std::unique_ptr<Frontend> mod, app;
    std::string prompt_id, reply_id, ada_id, bob_id;

    explicit Scene(std::vector<std::string> args = {}) : extra_args(std::move(args)) {
        std::vector<std::string> all = {"--seed", "5", "--quiet"};
        all.insert(all.end(), extra_args.begin(), extra_args.end());
        server = std::make_unique<TestServer>(dir.path(), all);
        mod = std::make_unique<Frontend>(server->base_url(), trusted_key);
        app = std::make_unique<Frontend>(server->base_url(), plain_key);
        REQUIRE(mod->put("/api/v1/admin/config", {{"num_reviews_initial_prompt", 1}}).status ==
                200);
        auto task = app->request_task("ada", "initial_prompt");
        REQUIRE(app->ack("ada", task.body["id"], "fe-prompt").status == 204);
        auto done = app->interaction(
            "ada", {{"type", "text_reply_to_message"},
                    {"message_id", "fe-prompt"},
                    {"user_message_id", "ada-prompt"},
                    {"text", "How do I keep basil alive on a windowsill through winter?"}});
        REQUIRE(done.status == 200);
        prompt_id = done.body["id"];
        REQUIRE(orchard::test::do_one_task(*app, "bob", "label_initial_prompt") ==
                "label_initial_prompt");
        auto reply_task = app->request_task("bob", "assistant_reply");
        REQUIRE(reply_task.status == 200);
        REQUIRE(app->ack("bob", reply_task.body["id"], "fe-reply").status == 204);
        auto reply = app->interaction(
            "bob", {{"type", "text_reply_to_message"},
                    {"message_id", "fe-reply"},
                    {"user_message_id", "bob-reply"},
                    {"text", "Give it the sunniest window, water sparingly, pinch the tips."}});
        REQUIRE(reply.status == 200);
        reply_id = reply.body["id"];
        ada_id = app->get("/api/v1/messages/" + prompt_id).body["user_id"];
        bob_id = app->get("/api/v1/messages/" + reply_id).body["user_id"];
    }
};

const json* entry_of(const json& board, const std::string& user_id) {
    for (const auto& row : board["leaderboard"])
        if (row["user_id"] == user_id) return &row;
    return nullptr;
}

} // namespace

TEST_CASE("rewards: points earned by tasks appear on every leaderboard, in stats and windows") {
    Scene s;
    for (const char* frame : {"day", "week", "month", "total"}) {
        INFO(frame);
        auto board = s.app->get(std::string("/api/v1/leaderboards/") + frame);
        REQUIRE(board.status == 200);
        CHECK(board.body["time_frame"] == frame);
        const json* bob = entry_of(board.body, s.bob_id);
        REQUIRE(bob);
        CHECK((*bob)["rank"] == 1);
        CHECK((*bob)["leader_score"] == 6); // 2 for a full review, 4 for an assistant reply
        CHECK((*bob)["labels_full"] == 1);
        CHECK((*bob)["replies_assistant"] == 1);
        CHECK((*bob)["display_name"] == "User bob");
        CHECK((*bob)["username"] == "bob");
        CHECK((*bob)["level"] == 2); // T[1] = 4 ≤ 6 < T[2] = 9
        const json* ada = entry_of(board.body, s.ada_id);
        REQUIRE(ada);
        CHECK((*ada)["rank"] == 2);
        CHECK((*ada)["leader_score"] == 0); // int(0.1 × 1) + int(0.1 × 1)
        CHECK((*ada)["prompts"] == 1);
        CHECK((*ada)["accepted_prompts"] == 1);
    }
    auto stats = s.app->get("/api/v1/users/" + s.bob_id + "/stats");
    REQUIRE(stats.status == 200);
    CHECK(stats.body["total"]["leader_score"] == 6);
    CHECK(stats.body["day"]["rank"] == 1);
    CHECK(stats.body["total"]["level_min_score"] == 4);
    CHECK(stats.body["total"]["level_next_score"] == 9);
    CHECK(stats.body["total"]["streak_days"] == 0);

    auto window = s.app->get("/api/v1/users/" + s.ada_id + "/stats/week/window?window_size=1");
    REQUIRE(window.status == 200);
    REQUIRE(window.body["leaderboard"].size() == 2);
    CHECK(window.body["leaderboard"][0]["user_id"] == s.bob_id);
    CHECK(window.body["leaderboard"][0]["highlighted"] == false);
    CHECK(window.body["leaderboard"][1]["highlighted"] == true);

    auto page = s.app->get("/api/v1/leaderboards/total?max_count=1&offset=1");
    REQUIRE(page.body["leaderboard"].size() == 1);
    CHECK(page.body["leaderboard"][0]["rank"] == 2);
    CHECK(page.body["total_count"] == 2);

    // Leaving the leaderboards is respected at once.
    CHECK(s.app->get("/api/v1/users/nobody/stats").status == 404);
}

TEST_CASE("rewards: the ledger says line by line why, to its owner only, in pages") {
    Scene s;
    auto mine = s.app->get("/api/v1/users/" + s.bob_id + "/ledger?max_count=1", "bob");
    REQUIRE(mine.status == 200);
    REQUIRE(mine.body["items"].size() == 1);
    CHECK(mine.body["items"][0]["kind"] == "reply_assistant");
    CHECK(mine.body["items"][0]["points"] == 4);
    CHECK(mine.body["items"][0]["message_id"] == s.reply_id);
    REQUIRE(mine.body["next"].is_string());
    auto rest = s.app->get("/api/v1/users/" + s.bob_id +
                               "/ledger?max_count=1&before=" + mine.body["next"].get<std::string>(),
                           "bob");
    REQUIRE(rest.body["items"].size() == 1);
    CHECK(rest.body["items"][0]["kind"] == "label_full");
    CHECK(rest.body["next"].is_null());

    CHECK(s.app->get("/api/v1/users/" + s.bob_id + "/ledger", "ada").status == 403);
    CHECK(s.mod->get("/api/v1/users/" + s.bob_id + "/ledger").status == 200);
    CHECK(s.app->get("/api/v1/users/" + s.bob_id + "/ledger?before=garbage", "bob").error_code() ==
          101);

    auto activity = s.app->get("/api/v1/users/" + s.bob_id + "/activity?days=30", "bob");
    REQUIRE(activity.status == 200);
    REQUIRE(activity.body["days"].size() == 30);
    CHECK(activity.body["days"][29]["points"] == 6);
    CHECK(activity.body["days"][29]["events"] == 2);
    CHECK(activity.body["days"][0]["events"] == 0);
}

TEST_CASE("rewards: my contributions tell what became of each message") {
    Scene s;
    auto mine = s.app->get("/api/v1/users/" + s.ada_id + "/contributions", "ada");
    REQUIRE(mine.status == 200);
    REQUIRE(mine.body["items"].size() == 1);
    const auto& prompt = mine.body["items"][0];
    CHECK(prompt["message_id"] == s.prompt_id);
    CHECK(prompt["review_result"] == "accepted");
    CHECK(prompt["review_count"] == 1);
    CHECK(prompt["replies"] == 1);
    CHECK(prompt["replies_by_others"] == 1);
    CHECK(prompt["tree_state"] == "growing");
    auto bobs = s.app->get("/api/v1/users/" + s.bob_id + "/contributions", "bob");
    CHECK(bobs.body["items"][0]["review_result"] == "pending");
    CHECK(s.app->get("/api/v1/users/" + s.ada_id + "/contributions", "bob").status == 403);
}

TEST_CASE("rewards: the news feed tells of accepted prompts and answers 304 when unchanged") {
    Scene s;
    httplib::Client http(s.server->base_url());
    const httplib::Headers key = {{"X-API-Key", s.plain_key}};
    auto first = http.Get("/api/v1/news", key);
    REQUIRE(first);
    REQUIRE(first->status == 200);
    const auto body = json::parse(first->body);
    bool accepted = false;
    for (const auto& item : body["items"])
        accepted =
            accepted || (item["kind"] == "prompt_accepted" && item["message_id"] == s.prompt_id &&
                         item["text"].get<std::string>().find("basil") != std::string::npos);
    CHECK(accepted);
    const std::string tag = first->get_header_value("ETag");
    REQUIRE_FALSE(tag.empty());
    httplib::Headers again = key;
    again.emplace("If-None-Match", tag);
    auto unchanged = http.Get("/api/v1/news", again);
    REQUIRE(unchanged);
    CHECK(unchanged->status == 304);
    CHECK(unchanged->body.empty());

    // Only newer items after a cursor; a new item changes the tag.
    auto newer = http.Get("/api/v1/news?after=" + body["cursor"].get<std::string>(), key);
    CHECK(json::parse(newer->body)["items"].empty());
    // Bob has 6 points; two prompts worth 10 each take him past level 5 (24 points): news.
    REQUIRE(s.mod->put("/api/v1/admin/config", {{"points_prompt", 10}}).status == 200);
    for (int i = 0; i < 2; ++i)
        REQUIRE(orchard::test::do_one_task(*s.app, "bob", "initial_prompt") == "initial_prompt");
    auto changed = http.Get("/api/v1/news", again);
    CHECK(changed->status == 200);
    CHECK(json::parse(changed->body)["items"][0]["kind"] == "level_reached");
}

TEST_CASE("rewards: changing a weight or a name changes the leaderboards at once") {
    Scene s;
    // Read first: a leaderboard answer kept from before a change must not be given after it.
    auto board = s.app->get("/api/v1/leaderboards/total");
    CHECK((*entry_of(board.body, s.bob_id))["leader_score"] == 6);
    REQUIRE(s.mod->put("/api/v1/admin/config", {{"points_reply_assistant", 10}}).status == 200);
    board = s.app->get("/api/v1/leaderboards/total");
    CHECK((*entry_of(board.body, s.bob_id))["leader_score"] == 12);
    auto refused = s.mod->put("/api/v1/admin/config", {{"points_reply_assistant", -1}});
    CHECK(refused.status == 400);
    board = s.app->get("/api/v1/leaderboards/total");
    CHECK((*entry_of(board.body, s.bob_id))["leader_score"] == 12);
    // A new event, a new name: both seen at once.
    REQUIRE(orchard::test::do_one_task(*s.app, "bob", "initial_prompt") == "initial_prompt");
    REQUIRE(s.app
                ->post("/api/v1/tasks/availability",
                       {{"id", "bob"}, {"display_name", "Robert"}, {"auth_method", "local"}})
                .status == 200);
    board = s.app->get("/api/v1/leaderboards/total");
    CHECK((*entry_of(board.body, s.bob_id))["prompts"] == 1);
    CHECK((*entry_of(board.body, s.bob_id))["display_name"] == "Robert");
    // Requests that name the user without a display name (the x-oasst-user header, or a user
    // object without one) keep the name: they used to rename Bob to his id.
    REQUIRE(s.app->get("/api/v1/leaderboards/total", "bob").status == 200);
    REQUIRE(s.app->post("/api/v1/tasks/availability", {{"id", "bob"}, {"auth_method", "local"}})
                .status == 200);
    board = s.app->get("/api/v1/leaderboards/total");
    CHECK((*entry_of(board.body, s.bob_id))["display_name"] == "Robert");
}

TEST_CASE("rewards: admins define prizes, and winners are taken when one ends") {
    Scene s;
    const json prize = {{"title", "Helper of the hour"},
                        {"description", "A mug."},
                        {"time_frame", "day"},
                        {"starts_at", iso_in(std::chrono::hours(-1))},
                        {"ends_at", iso_in(std::chrono::milliseconds(2500))},
                        {"winners_count", 2}};
    CHECK(s.app->post("/api/v1/admin/prizes", prize).status == 403);
    for (const auto& [key, bad] :
         std::vector<std::pair<std::string, json>>{{"title", ""},
                                                   {"time_frame", "year"},
                                                   {"ends_at", "next tuesday"},
                                                   {"winners_count", 0},
                                                   {"starts_at", iso_in(std::chrono::hours(2))}}) {
        json broken = prize;
        broken[key] = bad;
        INFO(key);
        auto refused = s.mod->post("/api/v1/admin/prizes", broken);
        CHECK(refused.status == 400);
        CHECK(refused.body["message"].get<std::string>().size() > 10);
    }
    auto listed = s.app->get("/api/v1/prizes");
    CHECK(listed.body["current"].empty()); // nothing was stored by the refusals

    auto created = s.mod->post("/api/v1/admin/prizes", prize);
    REQUIRE(created.status == 201);
    const std::string id = created.body["id"];
    auto renamed = prize;
    renamed["title"] = "Helper of the afternoon";
    CHECK(s.mod->put("/api/v1/admin/prizes/" + id, renamed).body["title"] ==
          "Helper of the afternoon");
    listed = s.app->get("/api/v1/prizes");
    REQUIRE(listed.body["current"].size() == 1);
    CHECK(listed.body["current"][0]["awarded"] == false);

    std::this_thread::sleep_for(std::chrono::milliseconds(3000));
    listed = s.app->get("/api/v1/prizes");
    REQUIRE(listed.body["past"].size() == 1);
    const auto& past = listed.body["past"][0];
    CHECK(past["awarded"] == true);
    REQUIRE(past["winners"].size() == 1); // Ada has 0 points: only Bob wins
    CHECK(past["winners"][0]["user_id"] == s.bob_id);
    CHECK(past["winners"][0]["score"] == 6);
    CHECK(s.mod->put("/api/v1/admin/prizes/" + id, renamed).status == 400); // awarded: fixed
    auto news = s.app->get("/api/v1/news");
    CHECK(news.body["items"][0]["kind"] == "prize_awarded");
    CHECK(s.mod->delete_("/api/v1/admin/prizes/" + id).status == 204);
    CHECK(s.app->get("/api/v1/prizes").body["past"].empty());
}

TEST_CASE("rewards: boards and stats answer while a prize or a rolling frame's expiry is due") {
    Scene s;
    // Bob's points, half an hour old (still today's), won a prize that ended a minute ago: it is
    // due, and only reads follow. Reads run on a read-only connection and hand what is due to the
    // writer; that used to answer 500 until some write route came by.
    orchard::test::query_int(s.dir.path(), "UPDATE ledger SET created_ms = created_ms - 1800000");
    REQUIRE(s.mod
                ->post("/api/v1/admin/prizes", {{"title", "Helper of the hour"},
                                                {"time_frame", "day"},
                                                {"starts_at", iso_in(std::chrono::hours(-1))},
                                                {"ends_at", iso_in(std::chrono::minutes(-1))},
                                                {"winners_count", 1}})
                .status == 201);
    auto board = s.app->get("/api/v1/leaderboards/day");
    REQUIRE(board.status == 200);
    REQUIRE(entry_of(board.body, s.bob_id));
    CHECK((*entry_of(board.body, s.bob_id))["leader_score"] == 6);
    CHECK(orchard::test::query_int(
              s.dir.path(), "SELECT count(*) FROM prizes WHERE awarded_ms IS NOT NULL") == 1);
    CHECK(orchard::test::query_text(s.dir.path(), "SELECT user_id FROM prize_winners") == s.bob_id);

    // Every event two days older: the day frame has them all to let go, the week none.
    orchard::test::query_int(s.dir.path(), "UPDATE ledger SET created_ms = created_ms - 172800000");
    auto stats = s.app->get("/api/v1/users/" + s.bob_id + "/stats");
    REQUIRE(stats.status == 200);
    CHECK(stats.body["day"]["leader_score"] == 0);
    CHECK(stats.body["week"]["leader_score"] == 6);
    board = s.app->get("/api/v1/leaderboards/day");
    REQUIRE(board.status == 200);
    const json* bob = entry_of(board.body, s.bob_id);
    CHECK((!bob || (*bob)["leader_score"] == 0));
    CHECK(s.app->get("/api/v1/users/" + s.ada_id + "/stats/week/window").status == 200);
}

TEST_CASE("rewards: the trollboard is for moderators and counts what others said") {
    Scene s;
    for (const char* who : {"cy", "dee"})
        REQUIRE(s.app
                    ->post("/api/v1/messages/" + s.reply_id + "/emoji",
                           {{"op", "add"}, {"emoji", "red_flag"}, {"user", Frontend::user(who)}})
                    .status == 200);
    CHECK(s.app->get("/api/v1/trollboards/day").status == 403);
    auto board = s.mod->get("/api/v1/trollboards/day");
    REQUIRE(board.status == 200);
    REQUIRE_FALSE(board.body["trollboard"].empty());
    const auto& top = board.body["trollboard"][0];
    CHECK(top["user_id"] == s.bob_id);
    CHECK(top["red_flags"] == 2);
    CHECK(top["troll_score"] == 6);
}

TEST_CASE("rewards: the system stats count every message") {
    Scene s;
    auto stats = s.app->get("/api/v1/stats/");
    REQUIRE(stats.status == 200);
    CHECK(stats.body["all"] == 2); // Ada's prompt and Bob's reply
    CHECK(stats.body["active"] == 2);
    CHECK(stats.body["active_by_lang"]["en"] == 2);
    CHECK(stats.body["deleted"] == 0);
    CHECK(stats.body["message_trees"] == 1);
    REQUIRE(s.mod->delete_("/api/v1/messages/" + s.reply_id).status == 204);
    stats = s.app->get("/api/v1/stats/");
    CHECK(stats.body["active"] == 1);
    CHECK(stats.body["deleted"] == 1);
}

TEST_CASE("rewards: bad parameters get clear errors") {
    Scene s;
    auto frame = s.app->get("/api/v1/leaderboards/year");
    CHECK(frame.status == 400);
    CHECK(frame.body["message"].get<std::string>().find("day, week, month or total") !=
          std::string::npos);
    CHECK(s.app->get("/api/v1/leaderboards/day?max_count=lots").status == 400);
    CHECK(s.app->get("/api/v1/leaderboards/day?max_count=0").status == 400);
    CHECK(s.app->get("/api/v1/news?after=-3").status == 400);
}

TEST_CASE("rewards: the public widgets' board and news need no key and show nothing private") {
    Scene s;
    httplib::Client anyone(s.server->base_url());
    const httplib::Headers from_a_site = {{"Origin", "https://any-site.example"}};
    auto public_board = [&] {
        auto answer = anyone.Get("/api/v1/public/leaderboards/total?max_count=5", from_a_site);
        REQUIRE(answer);
        REQUIRE(answer->status == 200);
        CHECK(answer->get_header_value("Access-Control-Allow-Origin") == "*");
        CHECK(answer->get_header_value("Cache-Control").starts_with("public"));
        // No id, username or sign-in method anywhere in it.
        for (const auto& secret : {s.ada_id, s.bob_id, std::string("\"local\"")}) {
            INFO(secret);
            CHECK(answer->body.find(secret) == std::string::npos);
        }
        return json::parse(answer->body);
    };
    auto board = public_board();
    const auto keyed = s.app->get("/api/v1/leaderboards/total");
    REQUIRE(board["leaderboard"].size() == keyed.body["leaderboard"].size());
    REQUIRE(board["leaderboard"].size() == 2);
    for (size_t i = 0; i < 2; ++i) {
        const auto& row = board["leaderboard"][i];
        const auto& full = keyed.body["leaderboard"][i];
        CHECK(row == json{{"rank", full["rank"]},
                          {"display_name", full["display_name"]},
                          {"leader_score", full["leader_score"]},
                          {"level", full["level"]}});
    }
    CHECK(board["leaderboard"][0]["display_name"] == "User bob");

    // A new contribution shows at once: the public answer is kept only as long as the board.
    const auto before = board["leaderboard"][0]["leader_score"].get<int>();
    REQUIRE(s.mod->put("/api/v1/admin/config", {{"points_prompt", 10}}).status == 200);
    REQUIRE(orchard::test::do_one_task(*s.app, "bob", "initial_prompt") == "initial_prompt");
    CHECK(public_board()["leaderboard"][0]["leader_score"].get<int>() > before);

    auto news = anyone.Get("/api/v1/public/news?max_count=5", from_a_site);
    REQUIRE(news);
    REQUIRE(news->status == 200);
    CHECK(news->get_header_value("Access-Control-Allow-Origin") == "*");
    const auto items = json::parse(news->body)["items"];
    REQUIRE_FALSE(items.empty());
    bool accepted = false;
    for (const auto& item : items) {
        CHECK(item.size() == 5);
        for (const char* field : {"id", "kind", "created_date", "text", "display_name"})
            CHECK(item.contains(field));
        accepted = accepted || (item["kind"] == "prompt_accepted" &&
                                item["text"].get<std::string>().find("basil") != std::string::npos);
    }
    CHECK(accepted);
    CHECK(news->body.find(s.prompt_id) == std::string::npos);
    CHECK(news->body.find(s.ada_id) == std::string::npos);
}
