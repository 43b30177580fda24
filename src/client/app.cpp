#include "client/app.h"

#include <algorithm>
#include <cmath>

namespace orchard::client {

const char* to_string(Screen screen) {
    switch (screen) {
    case Screen::Home:
        return "home";
    }
    return "unknown";
}

const char* to_string(Theme theme) {
    return theme == Theme::Dark ? "dark" : "light";
}

const char* to_string(Connection connection) {
    switch (connection) {
    case Connection::Checking:
        return "checking";
    case Connection::Connected:
        return "connected";
    case Connection::Degraded:
        return "degraded";
    case Connection::Unreachable:
        return "unreachable";
    }
    return "unknown";
}

double retry_delay_seconds(int failed_attempts) {
    const int exponent = std::clamp(failed_attempts - 1, 0, 5);
    return std::min(30.0, std::pow(2.0, exponent));
}

App::App(ApiClient& api, Theme initial_theme) : api_(api) {
    state_.theme = initial_theme;
}

void App::start(double now) {
    check_health(now);
}

void App::tick(double now) {
    if (state_.retry_at && now >= *state_.retry_at) check_health(now);
}

void App::retry_now(double now) {
    check_health(now);
}

void App::toggle_theme() {
    state_.theme = state_.theme == Theme::Light ? Theme::Dark : Theme::Light;
}

void App::check_health(double now) {
    if (health_request_in_flight_) return;
    health_request_in_flight_ = true;
    state_.retry_at.reset();
    if (state_.connection != Connection::Connected) state_.connection = Connection::Checking;
    api_.get_health([this, now](ApiResult<protocol::Health> result) {
        health_request_in_flight_ = false;
        if (auto* health = std::get_if<protocol::Health>(&result)) {
            state_.server_version = health->version;
            state_.database_status = health->database;
            if (health->status == "ok") {
                state_.connection = Connection::Connected;
                state_.failed_attempts = 0;
                state_.problem.clear();
                return;
            }
            // Running but unable to store anything: keep checking until it recovers.
            state_.connection = Connection::Degraded;
            state_.failed_attempts += 1;
            state_.problem = "The server is running but its database is not available (" +
                             health->database + "). Your work can't be saved right now.";
            state_.retry_at = now + retry_delay_seconds(state_.failed_attempts);
            return;
        }
        const auto& error = std::get<ClientError>(result);
        state_.failed_attempts += 1;
        state_.connection = Connection::Unreachable;
        state_.problem = describe(error);
        state_.retry_at = now + retry_delay_seconds(state_.failed_attempts);
    });
}

} // namespace orchard::client
