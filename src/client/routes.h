// Every signed-in screen's address, kept in the page URL's fragment ("#/leaderboard/week"), so
// that the browser's Back and Forward, a reload, a bookmark and a shared link all work. Plain
// C++: the platform layer moves it in and out of the browser's history (platform/history.h).
#pragma once

#include "client/app.h"

#include <optional>
#include <string>
#include <string_view>

namespace orchard::client {

struct Route {
    Screen screen = Screen::Dashboard;
    std::string task_kind;                                 // Task: "random" or a task type
    protocol::TimeFrame frame = protocol::TimeFrame::Week; // Leaderboard
};

// The address of what is on screen: "/", "/task/<kind>", "/leaderboard/<frame>", "/profile",
// "/contributions", "/prizes", "/settings". Empty for screens without one (loading, signing
// in, the terms), whose URL is left as it is, so that a link opened before signing in still
// leads where it pointed afterwards.
std::string route_path(const AppState& state);

// nullopt for anything that is not such an address.
std::optional<Route> parse_route(std::string_view path);

} // namespace orchard::client
