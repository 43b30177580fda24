// The screens table (client/screens.h): one row per screen, and what the navigation, the
// addresses and the automation hook read from it.
#include "client/app.h"
#include "client/routes.h"
#include "client/screen_snapshots.h"
#include "client/screens.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using namespace orchard::client;

TEST_CASE("screens: one row per screen, each with its own name") {
    REQUIRE(screen_rows().size() == kScreenCount);
    std::set<std::string> names;
    for (std::size_t i = 0; i < kScreenCount; ++i) {
        const auto& row = screen_rows()[i];
        CHECK(row.screen == static_cast<Screen>(i));
        CHECK(&screen_row(row.screen) == &row);
        CHECK(names.insert(row.name).second);
        CHECK(std::string(to_string(row.screen)) == row.name);
        // Only signed-in screens are in the navigation or have an address.
        if (!row.signed_in) {
            CHECK(row.nav_label == nullptr);
            CHECK(row.path == nullptr);
        }
    }
    CHECK(std::string(to_string(Screen::SignIn)) == "sign_in");
}

TEST_CASE("screens: a plain address leads to its screen") {
    for (const auto& row : screen_rows()) {
        if (!row.path) continue;
        AppState state;
        state.screen = row.screen;
        CHECK(route_path(state) == row.path);
        const auto route = parse_route(row.path);
        REQUIRE(route);
        CHECK(route->screen == row.screen);
    }
}

TEST_CASE("screens: the automation hook shows the screen on show, and only its part") {
    AppState state;
    state.screen = Screen::Contributions;
    state.contributions.items.resize(3);
    const auto snapshot = automation_snapshot(state);
    CHECK(snapshot["screen"] == "contributions");
    CHECK(snapshot["contributions"] == 3);
    for (const auto& row : screen_rows())
        if (row.snapshot && row.screen != Screen::Contributions) {
            INFO(row.name);
            CHECK(snapshot.at(row.name).is_null());
        }
    state.screen = Screen::Task;
    state.task.kind = "random";
    const auto task = automation_snapshot(state);
    CHECK(task["task"]["kind"] == "random");
    CHECK(task["contributions"].is_null());
}

TEST_CASE("screens: signing out resets every screen's state") {
    AppState state;
    state.leaderboard.offset = 40;
    state.prizes.problem = "x";
    state.task.completed = 3;
    state.settings.opened = 5;
    state.sign_in.providers = {"discord"};
    state.sign_in.problem = "x";
    for (const auto& row : screen_rows())
        if (row.reset) row.reset(state);
    CHECK(state.leaderboard.offset == 0);
    CHECK(state.prizes.problem.empty());
    CHECK(state.task.completed == 0);
    CHECK(state.settings.opened == 5); // the settings view refills its fields by this count
    CHECK(state.sign_in.providers == std::vector<std::string>{"discord"}); // the server's
    CHECK(state.sign_in.problem.empty());
}
