// App: following a screen's address (client/routes.h), from the browser's history or the URL the
// page was opened at.
#include "client/app.h"
#include "client/routes.h"

namespace orchard::client {

void App::follow_route(const std::string& path, double now) {
    if (!state_.account || !state_.account->terms_accepted) {
        pending_route_ = path;
        return;
    }
    const auto route = parse_route(path);
    if (!route) {
        show_screen(Screen::Dashboard, now);
        return;
    }
    switch (route->screen) {
    case Screen::Task:
        // Already there (the same kind requested): nothing to fetch again.
        if (state_.screen == Screen::Task && state_.task.kind == route->task_kind) return;
        if (state_.screen == Screen::Task) leave_task();
        open_task(route->task_kind, now);
        return;
    case Screen::Leaderboard:
        state_.leaderboard.frame = route->frame;
        show_screen(Screen::Leaderboard, now);
        return;
    default:
        show_screen(route->screen, now);
        return;
    }
}

} // namespace orchard::client
