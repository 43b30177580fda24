#include "client/routes.h"

namespace orchard::client {

namespace {

struct NamedScreen {
    Screen screen;
    std::string_view path;
};
// The screens whose address is just their name.
constexpr NamedScreen kNamedScreens[] = {
    {Screen::Profile, "/profile"},
    {Screen::Contributions, "/contributions"},
    {Screen::Prizes, "/prizes"},
    {Screen::Settings, "/settings"},
};

constexpr std::string_view kTaskPrefix = "/task/";
constexpr std::string_view kLeaderboardPrefix = "/leaderboard/";

} // namespace

std::string route_path(const AppState& state) {
    switch (state.screen) {
    case Screen::Dashboard:
        return "/";
    case Screen::Task:
        return std::string(kTaskPrefix) + state.task.kind;
    case Screen::Leaderboard:
        return std::string(kLeaderboardPrefix) + protocol::to_string(state.leaderboard.frame);
    case Screen::Loading:
    case Screen::SignIn:
    case Screen::Terms:
        return {};
    default:
        break;
    }
    for (const auto& named : kNamedScreens)
        if (named.screen == state.screen) return std::string(named.path);
    return {};
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
    for (const auto& named : kNamedScreens)
        if (named.path == path) return Route{.screen = named.screen};
    return std::nullopt;
}

} // namespace orchard::client
