// The client's readers of the people and audit log answers (protocol/people.h, protocol/audit.h):
// what the server sends is read whole, and an answer of the wrong shape is refused rather than
// shown as an empty person or an intact log.
#include "protocol/audit.h"
#include "protocol/people.h"

#include <catch2/catch.hpp>

using namespace orchard::protocol;

TEST_CASE("moderation protocol: a person's page, read whole") {
    const auto page = parse_person_page(R"({
        "user": {"id": "u1", "display_name": "Ada", "username": "ada", "email": null,
                 "role": "contributor", "sign_in_methods": ["password", "oauth:discord"],
                 "guest": false, "enabled": false, "disabled_reason": "Spam",
                 "hidden_from_leaderboards": true, "created_date": "2026-05-03T10:00:00Z"},
        "counts": {"messages": 4, "deleted_messages": 1, "labels": 9, "reports": 2, "rankings": 3},
        "stats": {"total": {"leader_score": 40, "level": 3}, "week": {"leader_score": 5}},
        "trollboard": {"rank": 2, "troll_score": 7.5, "red_flags": 3, "downvotes": 1, "spam_prompts": 0},
        "notes": [{"id": "n1", "author_name": "Mo", "text": "Warned.", "created_date": "2026-05-04T00:00:00Z"}]
    })");
    REQUIRE(page);
    CHECK(page->user.username == "ada");
    CHECK(page->user.email.empty());
    REQUIRE(page->user.role);
    CHECK(*page->user.role == "contributor");
    CHECK(page->user.sign_in == std::vector<std::string>{"password", "oauth:discord"});
    CHECK_FALSE(page->user.enabled);
    CHECK(page->user.disabled_reason == "Spam");
    CHECK(page->user.hidden_from_leaderboards);
    CHECK(page->counts.deleted_messages == 1);
    CHECK(page->counts.rankings == 3);
    REQUIRE(page->stats);
    CHECK(page->stats->total.leader_score == 40);
    CHECK(page->stats->week.leader_score == 5);
    REQUIRE(page->trollboard);
    CHECK(page->trollboard->rank == 2);
    CHECK(page->trollboard->troll_score == 7.5);
    REQUIRE(page->notes.size() == 1);
    CHECK(page->notes[0].author_name == "Mo");

    const auto off_the_board = parse_person_page(R"({"user": {"id": "u2"}, "trollboard": null})");
    REQUIRE(off_the_board);
    CHECK_FALSE(off_the_board->trollboard);
    CHECK_FALSE(off_the_board->user.role);
}

TEST_CASE("moderation protocol: answers of the wrong shape are refused") {
    CHECK_FALSE(parse_person_page(R"({"counts": {}})"));
    CHECK_FALSE(parse_person_page(R"({"user": {"display_name": "no id"}})"));
    CHECK_FALSE(parse_person(R"([1, 2])"));
    CHECK_FALSE(parse_people_page(R"({"items": {}})"));
    CHECK_FALSE(parse_purge_plan(R"({"messages": 3})"));
    CHECK_FALSE(parse_audit_page(R"({"rows": []})"));
    // A check without its verdict is not an intact log.
    CHECK_FALSE(parse_audit_check(R"({"rows": 4})"));
    CHECK_FALSE(parse_audit_check(R"({"intact": "yes"})"));
}

TEST_CASE("moderation protocol: a purge plan and audit rows") {
    const auto plan = parse_purge_plan(R"({
        "messages": {"count": 2, "items": [
            {"id": "m1", "message_tree_id": "t1", "is_prompt": true, "text": "Hi", "lang": "en"},
            {"id": "m2", "message_tree_id": "t2", "is_prompt": false, "text": "Yo", "lang": "de"}]},
        "replies_under": 5,
        "trees": [{"message_tree_id": "t1", "from": "growing", "to": "aborted_low_grade"}],
        "points": {"scores": {"total": {"before": 40, "after": 12}}, "events": {"prompt": 1}}
    })");
    REQUIRE(plan);
    REQUIRE(plan->messages.size() == 2);
    CHECK(plan->messages[0].is_prompt);
    CHECK(plan->messages[1].lang == "de");
    CHECK(plan->replies_under == 5);
    REQUIRE(plan->trees.size() == 1);
    CHECK(plan->trees[0].to == "aborted_low_grade");
    CHECK(plan->scores.at("total") == std::pair<long long, long long>{40, 12});

    const auto page = parse_audit_page(R"({"items": [
        {"id": 7, "created_date": "2026-12-07T05:00:00Z",
         "actor": {"user_id": "a", "display_name": "Boss", "api_client_id": null},
         "action": "user.role", "target": {"kind": "user", "id": "u1"},
         "before": {"role": "contributor"}, "after": {"role": "moderator"}, "hash": "ab"},
        {"id": 6, "actor": {"user_id": null, "display_name": null}, "action": "user.note",
         "target": {"kind": "user", "id": "u1"}, "before": null, "after": {"text": "x"}}],
        "next": "6"})");
    REQUIRE(page);
    REQUIRE(page->items.size() == 2);
    CHECK(page->items[0].id == 7);
    CHECK(page->items[0].actor_name == "Boss");
    CHECK(page->items[0].before == R"({"role":"contributor"})");
    CHECK(page->items[1].actor_name.empty());
    CHECK(page->items[1].before == "null");
    REQUIRE(page->next);
    CHECK(*page->next == "6");
}
