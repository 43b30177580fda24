// The client's rewards screens (src/client: App state and ApiClient calls) run natively against
// the real server: a contributor writes an assistant reply, and the notice, the top bar's score,
// the dashboard's top five, the leaderboard (every frame, paging, "my position"), the profile
// (ledger and activity), the contributions and the prizes all show what was just earned.
#include "tests/support/client_contributor.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace orchard::client;
using orchard::protocol::TaskType;
using orchard::protocol::TimeFrame;

namespace {

// The sky's colour, as the reply every test writes.
struct Contributor : orchard::test::ClientContributor {
    Contributor() : ClientContributor(11) {}
    void write_assistant_reply() {
        ClientContributor::write_assistant_reply(
            "The sky looks blue because air scatters short (blue) wavelengths of sunlight much "
            "more than long ones.");
    }
};

const orchard::protocol::UserScore* find_row(const std::vector<orchard::protocol::UserScore>& rows,
                                             const std::string& user_id) {
    auto it = std::find_if(rows.begin(), rows.end(),
                           [&](const auto& row) { return row.user_id == user_id; });
    return it == rows.end() ? nullptr : &*it;
}

} // namespace

TEST_CASE("client rewards: a newcomer starts at level 1 with no points") {
    Contributor c;
    c.register_and_accept("newcomer");
    const auto& state = c.app.state();
    REQUIRE(state.rewards.stats);
    CHECK(state.rewards.stats->total.leader_score == 0);
    CHECK(state.rewards.stats->total.level == 1);
    CHECK(state.rewards.stats->total.level_next_score);
    CHECK_FALSE(state.rewards.stats->day.rank);
    REQUIRE(state.dashboard.top_today);
    CHECK_FALSE(find_row(state.dashboard.top_today->rows, c.me()));
}

TEST_CASE("client rewards: the points of a reply show in the notice, dashboard, leaderboard and "
          "profile") {
    Contributor c;
    c.register_and_accept("earner");
    c.write_assistant_reply();
    const auto& state = c.app.state();

    // The notice and the top bar's score.
    INFO(state.task.notice);
    CHECK(state.task.notice.find("+4 points") != std::string::npos);
    REQUIRE(state.rewards.stats);
    CHECK(state.rewards.stats->total.leader_score == 4);
    CHECK(state.rewards.stats->day.leader_score == 4);
    CHECK(state.rewards.last_earned == 4);
    CHECK(state.rewards.stats->total.rank);

    // The dashboard: today's top five are the sample's busiest people (their points come from
    // the demo data's replayed history), best first.
    c.app.back_to_dashboard(3);
    REQUIRE(state.screen == Screen::Dashboard);
    REQUIRE(state.dashboard.top_today);
    const auto& top = state.dashboard.top_today->rows;
    REQUIRE(top.size() == 5);
    for (size_t i = 1; i < top.size(); ++i)
        CHECK(top[i - 1].leader_score >= top[i].leader_score);
    CHECK(top.back().leader_score > 4);
    CHECK_FALSE(find_row(top, c.me()));

    // The leaderboard in every frame, and the window around the earner.
    c.app.show_screen(Screen::Leaderboard, 4);
    REQUIRE(state.screen == Screen::Leaderboard);
    for (auto frame : orchard::protocol::kAllTimeFrames) {
        INFO(orchard::protocol::to_string(frame));
        c.app.set_leaderboard_frame(frame, 5);
        REQUIRE(state.leaderboard.problem.empty());
        REQUIRE(state.leaderboard.page);
        CHECK(state.leaderboard.page->time_frame == frame);
        const auto* row = find_row(state.leaderboard.page->rows, c.me());
        REQUIRE(row);
        CHECK(row->leader_score == 4);
        // The name shown, never the name signed in with.
        CHECK(row->display_name == "Test earner");
        CHECK(row->username.empty());
        CHECK(row->rank == state.rewards.stats->in(frame).rank);
    }
    c.app.show_my_position(6);
    REQUIRE(state.leaderboard.around_me);
    REQUIRE(state.leaderboard.page);
    const auto* mine = find_row(state.leaderboard.page->rows, c.me());
    REQUIRE(mine);
    CHECK(mine->highlighted);
    c.app.leaderboard_page(0, 7); // back to the page that holds the earner
    CHECK_FALSE(state.leaderboard.around_me);
    CHECK(find_row(state.leaderboard.page->rows, c.me()));
    c.app.leaderboard_page(-1, 8); // nothing before the first page
    CHECK(state.leaderboard.offset == 0);

    // The profile: the ledger entry and today's activity.
    c.app.show_screen(Screen::Profile, 9);
    REQUIRE(state.screen == Screen::Profile);
    INFO(state.profile.problem);
    REQUIRE(state.profile.loaded);
    REQUIRE_FALSE(state.profile.ledger.empty());
    CHECK(state.profile.ledger.front().kind == "reply_assistant");
    CHECK(state.profile.ledger.front().points == 4);
    REQUIRE(state.profile.activity.size() == static_cast<std::size_t>(kActivityDays));
    CHECK(state.profile.activity.back().points == 4);
    CHECK(state.profile.activity.back().events >= 1);

    // Contributions: the reply, waiting for review.
    c.app.show_screen(Screen::Contributions, 10);
    INFO(state.contributions.problem);
    REQUIRE(state.contributions.loaded);
    REQUIRE_FALSE(state.contributions.items.empty());
    CHECK(state.contributions.items.front().role == "assistant");
    CHECK(state.contributions.items.front().text.find("scatters") != std::string::npos);

    // Prizes: none set up, and no problem.
    c.app.show_screen(Screen::Prizes, 11);
    INFO(state.prizes.problem);
    REQUIRE(state.prizes.prizes);
    CHECK(state.prizes.prizes->current.empty());
}

TEST_CASE("client rewards: leaving an untouched task for the leaderboard gives it back") {
    Contributor c;
    c.register_and_accept("wanderer");
    c.app.open_task(orchard::protocol::to_string(TaskType::InitialPrompt), 1);
    REQUIRE(c.app.state().task.phase == TaskPhase::Working);
    c.app.show_screen(Screen::Leaderboard, 2);
    CHECK(c.app.state().screen == Screen::Leaderboard);
    CHECK_FALSE(c.app.state().task.task);
    c.app.show_screen(Screen::Dashboard, 3);
    CHECK(c.app.state().screen == Screen::Dashboard);
}

TEST_CASE("client rewards: the points notice is still there after a reload") {
    Contributor c;
    c.register_and_accept("reloader");
    c.write_assistant_reply();
    const std::string notice = c.app.state().task.notice;
    REQUIRE(notice.find("+4 points") != std::string::npos);

    // The page reloaded at the task's address, over the same browser storage.
    ApiClient api(c.transport);
    App reloaded(api, c.storage, AppOptions{.seed = 12});
    reloaded.start(5, {.route = "/task/assistant_reply"});
    REQUIRE(reloaded.state().screen == Screen::Task);
    CHECK(reloaded.state().task.notice == notice);

    // Once: another reload does not repeat it.
    ApiClient api2(c.transport);
    App again(api2, c.storage, AppOptions{.seed = 13});
    again.start(6, {.route = "/task/assistant_reply"});
    CHECK(again.state().task.notice.empty());
}
