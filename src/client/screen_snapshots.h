// What the automation hook (window.orchard, DESIGN.md "Testable in layers") reports of the app's
// state: plain JSON built from AppState, so that it is tested natively and the platform layer
// only adds what it alone knows (readiness, focus, pixel ratio, widgets).
#pragma once

#include <nlohmann/json.hpp>

namespace orchard::client {

struct AppState;

// Each screen's part, for its row in screens.cpp.
nlohmann::json task_snapshot(const AppState& state);
nlohmann::json dashboard_snapshot(const AppState& state);
nlohmann::json leaderboard_snapshot(const AppState& state);
nlohmann::json profile_snapshot(const AppState& state);
nlohmann::json contributions_snapshot(const AppState& state);
nlohmann::json prizes_snapshot(const AppState& state);
nlohmann::json settings_snapshot(const AppState& state);
nlohmann::json explore_snapshot(const AppState& state);
nlohmann::json datasets_snapshot(const AppState& state);
nlohmann::json moderation_snapshot(const AppState& state);
nlohmann::json people_snapshot(const AppState& state);
nlohmann::json audit_snapshot(const AppState& state);
nlohmann::json trees_snapshot(const AppState& state);
nlohmann::json api_keys_snapshot(const AppState& state);

// The whole state: the screen on show, its part under its name (other screens' names null),
// and what every screen shares (account, connection, scores, theme).
nlohmann::json automation_snapshot(const AppState& state);

} // namespace orchard::client
