#include "client/routes.h"

#include "client/screens.h"

namespace orchard::client {

namespace {

constexpr std::string_view kTaskPrefix = "/task/";
constexpr std::string_view kLeaderboardPrefix = "/leaderboard/";

} // namespace

std::string route_path(const AppState& state) {
    // Addresses with a parameter; the others are the screens table's.
    switch (state.screen) {
    case Screen::Task:
        return std::string(kTaskPrefix) + state.task.kind;
    case Screen::Leaderboard:
        return std::string(kLeaderboardPrefix) + protocol::to_string(state.leaderboard.frame);
    default:
        break;
    }
    // Screens before signing in have none.
    const char* path = screen_row(state.screen).path;
    return path ? path : std::string();
}

std::optional<Route> parse_route(std::string_view path) {
    if (path == "/" || path.empty()) return Route{};
    if (path.starts_with(kTaskPrefix)) {
        const std::string_view kind = path.substr(kTaskPrefix.size());
        if (kind != "random" && !protocol::task_type_from(kind)) return std::nullopt;
        return Route{.screen = Screen::Task, .task_kind = std::string(kind)};
    }
    if (path.starts_with(kLeaderboardPrefix)) {
        const auto frame = protocol::time_frame_from(path.substr(kLeaderboardPrefix.size()));
        if (!frame) return std::nullopt;
        return Route{.screen = Screen::Leaderboard, .frame = *frame};
    }
    for (const auto& row : screen_rows())
        if (row.path && row.path == path) return Route{.screen = row.screen};
    return std::nullopt;
}

} // namespace orchard::client
