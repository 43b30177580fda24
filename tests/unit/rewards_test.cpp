// Points, levels, streaks, live leaderboards and prizes on a real SQLite database (no HTTP):
// PROTOCOL.md §7 and docs/rewards.md.
#include "server/domain/ids.h"
#include "server/domain/points.h"
#include "server/domain/rewards.h"
#include "server/store/account_store.h"
#include "server/store/database.h"
#include "server/store/ledger_store.h"
#include "server/store/prize_store.h"
#include "server/store/read_connections.h"
#include "server/store/statement.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <random>

using namespace orchard;
using domain::kDayMs;
using domain::PointKind;
using domain::TimeFrame;

namespace {

constexpr std::int64_t kHourMs = 3600 * 1000;

struct World {
    test::TempDir dir;
    std::unique_ptr<store::Database> database = store::Database::open(dir.path() / "t.db");
    std::unique_ptr<store::Database::Transaction> transaction =
        std::make_unique<store::Database::Transaction>(*database);
    store::TreeStore store{transaction->db()};
    domain::TreeManagerConfig config;
    std::int64_t now = 1'800'000'000'000;

    std::string add_user(const std::string& id) {
        store.insert_user({id, std::nullopt, "local", id, "Name " + id}, now);
        return id;
    }
    domain::Rewards rewards() { return domain::Rewards(store.statements(), config, now); }
    void record(const std::string& user, PointKind kind) { rewards().record(user, kind, {}); }
    // The live board of a frame as (user, score), shown users with points, best first.
    std::vector<std::pair<std::string, std::int64_t>> live(TimeFrame frame) {
        rewards().bring_up_to_date();
        std::vector<std::pair<std::string, std::int64_t>> rows;
        for (const auto& row : store::LedgerStore(store.statements()).board(frame, 100000, 0))
            if (row.score > 0) rows.emplace_back(row.user_id, row.score);
        return rows;
    }
    // The same from the ledger alone.
    std::vector<std::pair<std::string, std::int64_t>> from_scratch(TimeFrame frame) {
        const auto span = domain::frame_span_ms(frame);
        return rewards().scores_between(span ? now - *span : -1, now);
    }
};

std::int64_t expected_threshold(int i) {
    long double sum = 0;
    for (int k = 1; k <= i; ++k)
        sum += 1.1521L * k + 3;
    return std::llround(sum);
}

} // namespace

TEST_CASE("Level thresholds follow PROTOCOL.md's formula at every boundary", "[rewards]") {
    CHECK(domain::level_of(0) == 1);
    CHECK(domain::level_threshold(2) == 4); // round(1.1521 + 3)
    CHECK(domain::level_threshold(3) == 9); // round(4.1521 + 5.3042)
    for (int i = 1; i < 100; ++i) {
        const std::int64_t t = expected_threshold(i);
        INFO("T[" << i << "] = " << t);
        CHECK(domain::level_threshold(i + 1) == t);
        CHECK(domain::level_of(t - 1) == i);
        CHECK(domain::level_of(t) == i + 1);
    }
    CHECK(domain::level_of(expected_threshold(99) * 10) == 100);
}

TEST_CASE("A streak counts whole days and breaks after 36 hours without an event", "[rewards]") {
    const std::int64_t t0 = 1'800'000'000'000;
    auto streak = domain::streak_after_event(std::nullopt, t0);
    CHECK(domain::streak_days(streak, t0) == 0);
    CHECK(domain::streak_days(streak, t0 + 23 * kHourMs) == 0);
    CHECK(domain::streak_days(streak, t0 + 25 * kHourMs) == 1);
    streak = domain::streak_after_event(streak, t0 + 30 * kHourMs); // the next day
    streak = domain::streak_after_event(streak, t0 + 60 * kHourMs); // 30 h later: still on
    CHECK(domain::streak_days(streak, t0 + 60 * kHourMs) == 2);
    CHECK(domain::streak_days(streak, t0 + 96 * kHourMs) == 4);     // exactly 36 h idle
    CHECK(domain::streak_days(streak, t0 + 96 * kHourMs + 1) == 0); // broken
    streak = domain::streak_after_event(streak, t0 + 97 * kHourMs);
    CHECK(streak.start_ms == t0 + 97 * kHourMs);
    CHECK(domain::streak_days(streak, t0 + 97 * kHourMs) == 0);
}

TEST_CASE("A ranking agrees with the consensus when Kendall's tau is at least one half",
          "[rewards]") {
    CHECK(domain::ranking_agrees({"a", "b", "c"}, {"a", "b", "c"}));
    CHECK(domain::ranking_agrees({"a", "c", "b", "d"}, {"a", "b", "c", "d"})); // 5 of 6 pairs
    CHECK_FALSE(domain::ranking_agrees({"b", "a", "c"}, {"a", "b", "c"}));     // 2 of 3 pairs
    CHECK_FALSE(domain::ranking_agrees({"c", "b", "a"}, {"a", "b", "c"}));
    CHECK(domain::ranking_agrees({"x", "a", "b"}, {"a", "b"})); // only shared replies count
    CHECK_FALSE(domain::ranking_agrees({"a"}, {"a", "b"}));     // fewer than two shared
}

TEST_CASE("A frame's score rounds each kind down, and weights are configuration", "[rewards]") {
    domain::TreeManagerConfig config;
    domain::PointCounts counts{};
    counts[static_cast<size_t>(PointKind::Prompt)] = 29; // int(2.9) = 2
    counts[static_cast<size_t>(PointKind::AcceptedPrompt)] = 30;
    counts[static_cast<size_t>(PointKind::ReplyAssistant)] = 2;
    counts[static_cast<size_t>(PointKind::ReplyRanked1)] = 1;
    counts[static_cast<size_t>(PointKind::ReplyRanked2)] = 1;
    counts[static_cast<size_t>(PointKind::LabelFull)] = 1;
    CHECK(domain::score_of(counts, config) == 2 + 3 + 8 + 9 + 3 + 2);
    config.points_reply_assistant = 10;
    CHECK(domain::score_of(counts, config) == 2 + 3 + 20 + 9 + 3 + 2);
}

TEST_CASE("The live leaderboards equal a computation from the ledger alone after a long random "
          "run across rolling day, week and month boundaries",
          "[rewards]") {
    World world;
    std::vector<std::string> users;
    for (int i = 0; i < 12; ++i)
        users.push_back(world.add_user("user-" + std::to_string(100 + i)));
    store::AccountStore accounts(world.store.statements());
    std::mt19937_64 rng(20261126);
    std::uniform_int_distribution<size_t> pick_user(0, users.size() - 1);
    std::uniform_int_distribution<int> pick_kind(0, domain::kPointKindCount - 1);
    // Mostly minutes apart, sometimes hours or days: events enter and leave every frame.
    std::discrete_distribution<int> gap_kind({70, 25, 5});
    std::uniform_int_distribution<std::int64_t> minutes(0, 90);
    std::uniform_int_distribution<std::int64_t> hours(1, 30);
    std::uniform_int_distribution<std::int64_t> days(1, 12);
    int compared = 0;
    for (int step = 0; step < 3000; ++step) {
        const int gap = gap_kind(rng);
        world.now += gap == 0   ? minutes(rng) * 60'000
                     : gap == 1 ? hours(rng) * kHourMs
                                : days(rng) * kDayMs;
        world.record(users[pick_user(rng)], static_cast<PointKind>(pick_kind(rng)));
        if (step % 97 == 0) { // someone leaves or rejoins the leaderboards
            const auto& user = users[pick_user(rng)];
            accounts.set_show_on_leaderboard(user, step % 2 == 0);
        }
        if (step % 50 == 0 || step == 2999) {
            for (const auto frame : domain::kTimeFrames) {
                INFO("step " << step << ", frame " << domain::frame_name(frame));
                REQUIRE(world.live(frame) == world.from_scratch(frame));
            }
            ++compared;
        }
    }
    // And later, with no new events: everything leaves the rolling frames in time.
    for (const std::int64_t later : {kHourMs, 23 * kHourMs, 6 * kDayMs, 29 * kDayMs, 31 * kDayMs}) {
        world.now += later;
        for (const auto frame : domain::kTimeFrames)
            REQUIRE(world.live(frame) == world.from_scratch(frame));
    }
    CHECK(world.live(TimeFrame::Month).empty());
    CHECK_FALSE(world.live(TimeFrame::Total).empty());
    CHECK(compared > 50);
}

TEST_CASE("The rolling day ends exactly 24 hours after an event", "[rewards]") {
    World world;
    const auto alice = world.add_user("alice");
    world.record(alice, PointKind::ReplyAssistant);
    const std::int64_t at = world.now;
    world.now = at + kDayMs - 1;
    CHECK(world.live(TimeFrame::Day) ==
          std::vector<std::pair<std::string, std::int64_t>>{{alice, 4}});
    world.now = at + kDayMs;
    CHECK(world.live(TimeFrame::Day).empty());
    CHECK(world.live(TimeFrame::Week).size() == 1);
}

TEST_CASE("A read-only reader asks for a write when an event is due to leave a frame or a prize "
          "to be awarded, and otherwise answers as the writer does",
          "[rewards]") {
    World world;
    const auto alice = world.add_user("alice");
    world.record(alice, PointKind::ReplyAssistant);
    const std::int64_t at = world.now;
    auto reader = [&] {
        return domain::Rewards(world.store.statements(), world.config, world.now, true);
    };
    world.now = at + kDayMs - 1;
    const auto read = reader().leaderboard(TimeFrame::Day, 10, 0);
    CHECK(read == world.rewards().leaderboard(TimeFrame::Day, 10, 0));
    CHECK(read["leaderboard"].size() == 1);
    world.now = at + kDayMs; // the event leaves the rolling day now
    CHECK_THROWS_AS(reader().leaderboard(TimeFrame::Day, 10, 0), store::WriteNeeded);
    CHECK_THROWS_AS(reader().board_version(), store::WriteNeeded);
    world.rewards().bring_up_to_date();
    CHECK(reader().leaderboard(TimeFrame::Day, 10, 0)["leaderboard"].empty());

    store::PrizeRecord prize{"prize-1", "Best helper", "", "total", at - 1, world.now + 10, 1, {},
                             at};
    store::PrizeStore(world.store.statements()).insert(prize);
    CHECK_NOTHROW(reader().user_stats(alice));
    world.now += 10; // the prize ends: only a write may award it
    CHECK_THROWS_AS(reader().user_stats(alice), store::WriteNeeded);
    world.rewards().bring_up_to_date();
    CHECK(reader().prizes()["past"].size() == 1);
}

TEST_CASE("Prize winners come from the ledger of the prize's time, ties by user id, once",
          "[rewards]") {
    World world;
    const auto start = world.now;
    for (const auto* id : {"u-b", "u-a", "u-c", "u-d", "u-hidden"})
        world.add_user(id);
    world.now = start - kHourMs; // before the prize: does not count
    world.record("u-d", PointKind::ReplyRanked1);
    world.now = start + kHourMs;
    world.record("u-b", PointKind::ReplyAssistant); // 4
    world.record("u-a", PointKind::ReplyAssistant); // 4, ties with u-b: u-a first
    world.record("u-c", PointKind::LabelFull);      // 2
    world.record("u-d", PointKind::Prompt);         // 0 points: never a winner
    world.record("u-hidden", PointKind::ReplyRanked1);
    store::AccountStore(world.store.statements()).set_show_on_leaderboard("u-hidden", false);
    const auto end = start + 2 * kHourMs;
    world.now = end; // exactly at the end: events from now on are too late
    world.record("u-c", PointKind::ReplyRanked1);

    store::PrizeRecord prize{"prize-1", "Best helper", "", "day", start, end, 3, {}, start};
    store::PrizeStore(world.store.statements()).insert(prize);
    world.now = end + 1;
    auto json = world.rewards().prizes();
    REQUIRE(json["past"].size() == 1);
    const auto& awarded = json["past"][0];
    CHECK(awarded["awarded"] == true);
    REQUIRE(awarded["winners"].size() == 3);
    CHECK(awarded["winners"][0]["user_id"] == "u-a");
    CHECK(awarded["winners"][1]["user_id"] == "u-b");
    CHECK(awarded["winners"][2]["user_id"] == "u-c");
    CHECK(awarded["winners"][2]["score"] == 2);
    // Recorded once: later events change nothing, and the news told of it once.
    world.now += kHourMs;
    world.record("u-d", PointKind::ReplyRanked1);
    CHECK(world.rewards().prizes()["past"][0]["winners"] == awarded["winners"]);
    int prize_news = 0;
    const auto news = world.rewards().news(0, 100);
    INFO(news.dump());
    for (const auto& item : news["items"])
        if (item["kind"] == "prize_awarded") {
            ++prize_news;
            CHECK(item["text"].get<std::string>().find("Name u-a, Name u-b, Name u-c") !=
                  std::string::npos);
        }
    CHECK(prize_news == 1);
}

TEST_CASE("Changing a weight changes every stored score", "[rewards]") {
    World world;
    world.add_user("alice");
    world.record("alice", PointKind::ReplyPrompter);
    CHECK(world.live(TimeFrame::Total).at(0).second == 1);
    world.config.points_reply_prompter = 7;
    world.rewards().recompute_scores();
    CHECK(world.live(TimeFrame::Total).at(0).second == 7);
    CHECK(world.from_scratch(TimeFrame::Total).at(0).second == 7);
}

TEST_CASE("Levels worth news and milestones reach the news feed", "[rewards]") {
    World world;
    world.add_user("alice");
    // Level 5 is T[4] = 24 points: six assistant replies.
    for (int i = 0; i < 6; ++i)
        world.record("alice", PointKind::ReplyAssistant);
    const auto items = world.rewards().news(0, 100)["items"];
    bool level_five = false;
    for (const auto& item : items)
        if (item["kind"] == "level_reached") level_five = item["data"]["level"] == 5;
    CHECK(level_five);
    CHECK(items[0]["id"] > "0");
}
