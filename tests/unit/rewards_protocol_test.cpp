// The rewards shapes of docs/rewards.md as the client parses them: full answers, missing fields,
// nulls, numbers where strings were expected, and bodies that are not the right kind at all.
#include "client/app.h"
#include "protocol/rewards.h"

#include <catch2/catch.hpp>

using namespace orchard::protocol;

TEST_CASE("rewards protocol: a leaderboard page with ranks, levels and the viewer highlighted") {
    const auto board = parse_leaderboard(R"({
        "time_frame": "week", "last_updated": "2024-05-01T10:00:00Z", "total_count": 41,
        "offset": 20,
        "leaderboard": [
          {"rank": 21, "user_id": "u1", "username": "ann", "display_name": "Ann",
           "leader_score": 57, "level": 6, "level_min_score": 47, "level_next_score": 61,
           "replies_assistant": 12, "streak_days": 3, "highlighted": true},
          {"rank": 22, "user_id": "u2", "display_name": "Bo", "leader_score": 50},
          "not an object"
        ]})");
    REQUIRE(board);
    CHECK(board->time_frame == TimeFrame::Week);
    CHECK(board->total_count == 41);
    CHECK(board->offset == 20);
    REQUIRE(board->rows.size() == 2);
    const auto& ann = board->rows[0];
    CHECK(ann.rank == 21);
    CHECK(ann.highlighted);
    CHECK(ann.leader_score == 57);
    CHECK(ann.level == 6);
    CHECK(ann.level_next_score == 61);
    CHECK(ann.replies_assistant == 12);
    CHECK(ann.streak_days == 3);
    CHECK(level_progress(ann) == Approx(10.0 / 14.0));
    const auto& bo = board->rows[1];
    CHECK_FALSE(bo.highlighted);
    CHECK(bo.level == 1); // missing: a newcomer's level
    CHECK_FALSE(bo.level_next_score);
    CHECK(level_progress(bo) == 1.0);
}

TEST_CASE("rewards protocol: a window answer without total_count or offset") {
    const auto board = parse_leaderboard(
        R"({"time_frame": "day", "leaderboard": [{"rank": 3, "user_id": "x", "leader_score": 4}]})");
    REQUIRE(board);
    CHECK(board->time_frame == TimeFrame::Day);
    CHECK(board->offset == 0);
    CHECK(board->total_count == 1);
    CHECK_FALSE(parse_leaderboard(R"({"time_frame": "day"})"));
    CHECK_FALSE(parse_leaderboard("[]"));
    CHECK_FALSE(parse_leaderboard("not json"));
}

TEST_CASE("rewards protocol: stats per frame, with a null rank where the user has no events") {
    const auto stats = parse_user_stats(R"({
        "day": {"rank": null, "user_id": "u1", "leader_score": 0, "level": 1},
        "week": {"rank": 4, "user_id": "u1", "leader_score": 4},
        "month": {"rank": 4, "user_id": "u1", "leader_score": 4},
        "total": {"rank": 9, "user_id": "u1", "leader_score": 14, "level": 3,
                  "level_min_score": 8, "level_next_score": 15, "streak_days": 2}})");
    REQUIRE(stats);
    CHECK_FALSE(stats->day.rank);
    CHECK(stats->in(TimeFrame::Week).rank == 4);
    CHECK(stats->in(TimeFrame::Total).leader_score == 14);
    CHECK(level_progress(stats->total) == Approx(6.0 / 7.0));
    CHECK_FALSE(parse_user_stats("{}"));
}

TEST_CASE("rewards protocol: ledger, activity, contributions, news and prizes") {
    const auto ledger = parse_ledger(R"({"items": [
        {"id": 17, "kind": "reply_assistant", "points": 4, "created_date": "2024-05-01T10:00:00Z",
         "message_id": "m1"},
        {"id": "16", "kind": "prompt", "points": 0.1, "message_id": null}], "next": 16})");
    REQUIRE(ledger);
    REQUIRE(ledger->items.size() == 2);
    CHECK(ledger->items[0].id == "17");
    CHECK(ledger->items[0].points == 4);
    CHECK(ledger->items[1].points == Approx(0.1));
    CHECK(ledger->items[1].message_id.empty());
    CHECK(ledger->next == "16");
    CHECK_FALSE(parse_ledger(R"({"items": [], "next": null})")->next);
    CHECK(orchard::client::ledger_kind_text("reply_assistant") == "Assistant reply written");
    CHECK(orchard::client::ledger_kind_text("something_new") == "Something new");

    const auto days = parse_activity(
        R"({"days": [{"date": "2024-04-30", "points": 0, "events": 0},
                     {"date": "2024-05-01", "points": 5.1, "events": 3}]})");
    REQUIRE(days);
    REQUIRE(days->size() == 2);
    CHECK((*days)[1].points == Approx(5.1));
    CHECK((*days)[1].events == 3);

    const auto contributions = parse_contributions(R"({"items": [
        {"message_id": "m1", "message_tree_id": "t1", "parent_id": null, "role": "prompter",
         "text": "Why is the sky blue?", "review_count": 2, "review_result": "accepted",
         "rank": null, "replies": 3, "replies_by_others": 2, "tree_state": "growing",
         "emojis": {"+1": 2}, "deleted": false}], "next": null})");
    REQUIRE(contributions);
    REQUIRE(contributions->items.size() == 1);
    CHECK(contributions->items[0].review_result == "accepted");
    CHECK(contributions->items[0].replies_by_others == 2);
    CHECK_FALSE(contributions->items[0].rank);
    CHECK_FALSE(contributions->next);

    const auto news = parse_news(R"({"items": [
        {"id": 5, "kind": "level_reached", "created_date": "2024-05-01T10:00:00Z",
         "text": "Ann reached level 5", "user_id": "u1", "display_name": "Ann", "data": {}}],
        "cursor": "5"})");
    REQUIRE(news);
    REQUIRE(news->items.size() == 1);
    CHECK(news->items[0].text == "Ann reached level 5");
    CHECK(news->cursor == "5");

    const auto prizes = parse_prizes(R"({"current": [
        {"id": 1, "title": "May sprint", "description": "Top three", "time_frame": "month",
         "starts_at": "2024-05-01T00:00:00Z", "ends_at": "2024-06-01T00:00:00Z",
         "winners_count": 3, "awarded": false, "winners": []}],
        "past": [{"id": 2, "title": "April", "awarded": true,
                  "winners": [{"place": 1, "user_id": "u1", "display_name": "Ann", "score": 90}]}]})");
    REQUIRE(prizes);
    REQUIRE(prizes->current.size() == 1);
    CHECK(prizes->current[0].winners_count == 3);
    REQUIRE(prizes->past.size() == 1);
    REQUIRE(prizes->past[0].winners.size() == 1);
    CHECK(prizes->past[0].winners[0].score == 90);
    CHECK(parse_prizes("{}")->current.empty());
}
