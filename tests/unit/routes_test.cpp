// Screen addresses (client/routes.h): every signed-in screen has one, and reading it back opens
// the same screen; anything else is no address.
#include "client/routes.h"

#include <catch2/catch.hpp>

using namespace orchard::client;
using orchard::protocol::TimeFrame;

TEST_CASE("routes: each screen's address leads back to it") {
    AppState state;
    state.screen = Screen::Dashboard;
    CHECK(route_path(state) == "/");
    state.screen = Screen::Task;
    state.task.kind = "rank_assistant_replies";
    CHECK(route_path(state) == "/task/rank_assistant_replies");
    auto task = parse_route("/task/rank_assistant_replies");
    REQUIRE(task);
    CHECK(task->screen == Screen::Task);
    CHECK(task->task_kind == "rank_assistant_replies");
    state.screen = Screen::Leaderboard;
    state.leaderboard.frame = TimeFrame::Month;
    CHECK(route_path(state) == "/leaderboard/month");
    auto board = parse_route("/leaderboard/month");
    REQUIRE(board);
    CHECK(board->screen == Screen::Leaderboard);
    CHECK(board->frame == TimeFrame::Month);
    for (Screen screen :
         {Screen::Profile, Screen::Contributions, Screen::Prizes, Screen::Settings}) {
        state.screen = screen;
        const auto back = parse_route(route_path(state));
        REQUIRE(back);
        CHECK(back->screen == screen);
    }
}

TEST_CASE("routes: signing in has no address, and strange ones are refused") {
    AppState state;
    for (Screen screen : {Screen::Loading, Screen::SignIn, Screen::Terms}) {
        state.screen = screen;
        CHECK(route_path(state).empty());
    }
    CHECK(parse_route("/task/random"));
    CHECK_FALSE(parse_route("/task/delete_everything"));
    CHECK_FALSE(parse_route("/leaderboard/year"));
    CHECK_FALSE(parse_route("/profile/../settings"));
    CHECK_FALSE(parse_route("/nowhere"));
    CHECK(parse_route("")->screen == Screen::Dashboard);
}
