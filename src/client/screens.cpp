// The client side of the screens table (screens.h). A screen's hooks reach App's own loaders,
// which is why the table is filled inside ScreenTable, a friend of App.
#include "client/screens.h"

#include "client/app.h"
#include "client/screen_snapshots.h"

namespace orchard::client {

std::span<const ScreenRow> ScreenTable::rows() {
    // nav_label is the catalog key of the screen's entry in the navigation (locales/en/
    // screens.json), shown through i18n::tr(); name and path are machine names and stay.
    static constexpr ScreenRow kRows[] = {
        {.screen = Screen::Loading, .name = "loading"},
        {.screen = Screen::SignIn,
         .name = "sign_in",
         // The OAuth providers are the server's, not the person's: they stay.
         .reset = [](AppState& s) { s.sign_in = SignInState{.providers = s.sign_in.providers}; }},
        {.screen = Screen::Terms, .name = "terms"},
        {.screen = Screen::Dashboard,
         .name = "dashboard",
         .signed_in = true,
         .path = "/",
         .nav_label = "screens.tasks",
         .load = [](App& app, double now) { app.refresh_dashboard(now); },
         .reset = [](AppState& s) { s.dashboard = DashboardState{}; },
         .snapshot = dashboard_snapshot},
        {.screen = Screen::Task,
         .name = "task",
         .signed_in = true,
         .nav_entry = Screen::Dashboard, // a task is one of the "Tasks"
         .reset = [](AppState& s) { s.task = TaskState{}; },
         .snapshot = task_snapshot},
        {.screen = Screen::Leaderboard,
         .name = "leaderboard",
         .signed_in = true,
         .nav_label = "screens.leaderboard",
         .open =
             [](App& app) {
                 // From the top, in the time frame last chosen.
                 app.state_.leaderboard.offset = 0;
                 app.state_.leaderboard.around_me = false;
             },
         .load = [](App& app, double now) { app.load_leaderboard(now); },
         .reset = [](AppState& s) { s.leaderboard = LeaderboardState{}; },
         .snapshot = leaderboard_snapshot},
        {.screen = Screen::Profile,
         .name = "profile",
         .signed_in = true,
         .path = "/profile",
         .nav_label = "screens.profile",
         .load = [](App& app, double now) { app.load_profile(now); },
         .reset = [](AppState& s) { s.profile = ProfileState{}; },
         .snapshot = profile_snapshot},
        {.screen = Screen::Contributions,
         .name = "contributions",
         .signed_in = true,
         .path = "/contributions",
         .nav_label = "screens.contributions",
         .load = [](App& app, double now) { app.load_contributions(now); },
         .reset = [](AppState& s) { s.contributions = ContributionsState{}; },
         .snapshot = contributions_snapshot},
        {.screen = Screen::Prizes,
         .name = "prizes",
         .signed_in = true,
         .path = "/prizes",
         .nav_label = "screens.prizes",
         .load = [](App& app, double now) { app.load_prizes(now); },
         .reset = [](AppState& s) { s.prizes = PrizesState{}; },
         .snapshot = prizes_snapshot},
        {.screen = Screen::Settings,
         .name = "settings",
         .signed_in = true,
         .path = "/settings",
         .nav_label = "screens.settings",
         .open = [](App& app) { app.open_settings(); },
         // The count of openings goes on, so that the next person's screen is filled afresh.
         .reset = [](AppState& s) { s.settings = SettingsState{.opened = s.settings.opened}; },
         .snapshot = settings_snapshot},
        {.screen = Screen::Explore,
         .name = "explore",
         .signed_in = true,
         .path = "/explore",
         .nav_label = "screens.explore",
         // The list of the words last searched for, from its first page.
         .load = [](App& app, double now) { app.search_explorer(now); },
         .reset = [](AppState& s) { s.explore = ExploreState{}; },
         .snapshot = explore_snapshot},
        // For admins; reached from the explorer (the server refuses everyone else).
        {.screen = Screen::Datasets,
         .name = "datasets",
         .signed_in = true,
         .path = "/datasets",
         .nav_entry = Screen::Explore,
         .load = [](App& app, double now) { app.load_datasets(now); },
         .reset = [](AppState& s) { s.datasets = DatasetsState{}; },
         .snapshot = datasets_snapshot},
        {.screen = Screen::Moderation,
         .name = "moderation",
         .signed_in = true,
         .path = "/moderation",
         .nav_label = "screens.moderation",
         .staff_only = true,
         .load = [](App& app, double now) { app.load_moderation(now); },
         .reset = [](AppState& s) { s.moderation = ModerationState{}; },
         .snapshot = moderation_snapshot},
        // Reached from the moderation screens' own row of sections (ui/moderation_sections.h).
        {.screen = Screen::People,
         .name = "people",
         .signed_in = true,
         .path = "/moderation/people",
         .staff_only = true,
         .nav_entry = Screen::Moderation,
         .load =
             [](App& app, double now) {
                 app.load_people(now);
                 app.load_person(now);
             },
         .reset = [](AppState& s) { s.people = PeopleState{}; },
         .snapshot = people_snapshot},
        {.screen = Screen::Trees,
         .name = "trees",
         .signed_in = true,
         .path = "/moderation/trees",
         .staff_only = true,
         .nav_entry = Screen::Moderation,
         .load = [](App& app, double now) { app.load_trees(now); },
         .reset = [](AppState& s) { s.trees = TreesState{}; },
         .snapshot = trees_snapshot},
        {.screen = Screen::ApiKeys,
         .name = "api_keys",
         .signed_in = true,
         .path = "/moderation/api_keys",
         .staff_only = true,
         .nav_entry = Screen::Moderation,
         .load = [](App& app, double now) { app.load_api_keys(now); },
         // A key shown once must not wait for the next person at this computer.
         .reset = [](AppState& s) { s.api_keys = ApiKeysState{}; },
         .snapshot = api_keys_snapshot},
        {.screen = Screen::AuditLog,
         .name = "audit_log",
         .signed_in = true,
         .path = "/moderation/audit",
         .staff_only = true,
         .nav_entry = Screen::Moderation,
         .load = [](App& app, double now) { app.load_audit(now); },
         .reset = [](AppState& s) { s.audit = AuditState{}; },
         .snapshot = audit_snapshot},
    };
    static_assert(lists_every_screen(kRows), "one row per Screen, in its order");
    return kRows;
}

const ScreenRow& screen_row(Screen screen) {
    return screen_rows()[static_cast<std::size_t>(screen)];
}

const char* to_string(Screen screen) {
    return screen_row(screen).name;
}

} // namespace orchard::client
