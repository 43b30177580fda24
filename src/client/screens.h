// Every screen of the client as one table: its name, its address, its place in the navigation,
// what opening it does, what it forgets at sign-out and what the automation hook shows of it.
// The views add how each is drawn (ui/screen_views.cpp). Adding a screen: a value below, a row
// in screens.cpp, a row in ui/screen_views.cpp and the view file; both tables are checked at
// compile time to list every screen, in this order.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>

namespace orchard::client {

class App;
struct AppState;

enum class Screen {
    Loading,
    SignIn,
    Terms,
    Dashboard,
    Task,
    Leaderboard,
    Profile,
    Contributions,
    Prizes,
    Settings,
    Explore,
    Datasets,
    Moderation,
    People,
    Trees,
    ApiKeys,
    AuditLog,
    Count, // not a screen: how many there are; new screens go above it
};
inline constexpr std::size_t kScreenCount = static_cast<std::size_t>(Screen::Count);

struct ScreenRow {
    Screen screen;
    const char* name; // what the automation hook and tests call it, e.g. "dashboard"
    // Needs an account with the terms accepted; only such screens have the navigation.
    bool signed_in = false;
    // The address when it is a plain path ("/profile"); screens whose address carries a
    // parameter (a task's kind, a leaderboard's time frame) are spelled out in routes.cpp.
    const char* path = nullptr;
    const char* nav_label = nullptr; // its entry in the top bar (a catalog key); none when null
    // For moderators and admins: only their navigation has its entry (the server refuses
    // everyone else's requests in any case).
    bool staff_only = false;
    std::optional<Screen> nav_entry; // the entry lit while it shows, when not its own
    void (*open)(App&) = nullptr;    // prepares its state each time the person opens it
    // Fetches its data: when it opens, and again when the server is back after an outage.
    void (*load)(App&, double now) = nullptr;
    void (*reset)(AppState&) = nullptr; // forgets what it held, at sign-out
    // Its part of the automation hook's state while it shows (under its name; null otherwise).
    nlohmann::json (*snapshot)(const AppState&) = nullptr;
};

// The rows are App's to fill (they reach its loaders), so App befriends this.
struct ScreenTable {
    static std::span<const ScreenRow> rows(); // in Screen order, one per screen
};

inline std::span<const ScreenRow> screen_rows() {
    return ScreenTable::rows();
}
const ScreenRow& screen_row(Screen screen);
const char* to_string(Screen screen);

// True when `rows` lists every screen once, in Screen order: the tables' compile-time check.
template <class Row, std::size_t N> constexpr bool lists_every_screen(const Row (&rows)[N]) {
    if (N != kScreenCount) return false;
    for (std::size_t i = 0; i < N; ++i)
        if (rows[i].screen != static_cast<Screen>(i)) return false;
    return true;
}

} // namespace orchard::client
