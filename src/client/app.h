// The client application's state and the rules that change it. Views read `state()` and call the
// action methods; the platform layer calls `tick()` when `next_wakeup()` is due.
#pragma once

#include "client/api_client.h"

#include <optional>
#include <string>

namespace orchard::client {

enum class Theme { Light, Dark };
enum class Screen { Home };
enum class Connection { Checking, Connected, Degraded, Unreachable };

struct AppState {
    Screen screen = Screen::Home;
    Theme theme = Theme::Light;
    Connection connection = Connection::Checking;
    std::string server_version; // known once the server answered
    std::string database_status;
    std::string problem; // a sentence for the person when connection is not Connected
    int failed_attempts = 0;
    std::optional<double> retry_at; // when the next automatic health check runs (seconds)
};

const char* to_string(Screen screen);
const char* to_string(Theme theme);
const char* to_string(Connection connection);

// Waits between automatic reconnection attempts: 1 s, 2 s, 4 s ... capped at 30 s.
double retry_delay_seconds(int failed_attempts);

class App {
  public:
    App(ApiClient& api, Theme initial_theme);

    void start(double now);
    void tick(double now);
    std::optional<double> next_wakeup() const { return state_.retry_at; }

    void retry_now(double now);
    void toggle_theme();

    const AppState& state() const { return state_; }

  private:
    void check_health(double now);

    ApiClient& api_;
    AppState state_;
    bool health_request_in_flight_ = false;
};

} // namespace orchard::client
