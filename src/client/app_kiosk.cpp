// Kiosks at events (docs/kiosk.md): a visitor starts in one tap, the visit ends by itself after
// a countdown once nobody touches the screen, and nothing of it stays in the browser for the
// next one. Between visitors the welcome shows the event's board and the news.
#include "client/app.h"

#include <algorithm>

namespace orchard::client {

namespace {

constexpr double kCountdownSeconds = 10;
constexpr double kAttractRefreshSeconds = 30;
constexpr int kBoardRows = 10;
constexpr int kKioskNewsItems = 4;

} // namespace

void App::become_kiosk_if_asked(const protocol::Health& health, double now) {
    auto& kiosk = state_.kiosk;
    if (!kiosk.event.empty()) return;
    std::string event = health.kiosk_event;
    if (event.empty() && !kiosk.asked_by_url.empty()) {
        const auto& allowed = health.kiosk_url_events;
        if (std::find(allowed.begin(), allowed.end(), kiosk.asked_by_url) != allowed.end())
            event = kiosk.asked_by_url;
        else // the usual site runs instead, and its sign-in card says why
            kiosk.refused = kiosk.asked_by_url;
        kiosk.asked_by_url.clear();
    }
    if (event.empty()) return;
    kiosk.event = event;
    kiosk.idle_seconds = static_cast<double>(health.kiosk_idle_seconds);
    kiosk.last_activity = now;
    use_stored_ui_scale(kKioskUiScale); // for fingers at arm's length; a visitor may pinch it
}

void App::start_kiosk_visit(const std::string& nickname, double now) {
    note_activity(now);
    state_.sign_in.busy = true;
    state_.sign_in.problem.clear();
    api_.continue_as_guest(nickname, state_.kiosk.event,
                           [this, now](ApiResult<protocol::SessionGrant> result) {
                               on_sign_in_result(std::move(result), now);
                           });
}

void App::note_activity(double now) {
    state_.kiosk.last_activity = now;
    state_.kiosk.ends_at.reset();
}

void App::end_kiosk_visit() {
    auto& kiosk = state_.kiosk;
    kiosk.ends_at.reset();
    ++kiosk.visits_ended;
    if (state_.account) {
        api_.logout([](ApiResult<Empty>) {});
        end_session("");
    }
    // The session, drafts, choices, notices: all of it, and whatever else this page kept.
    store_.clear();
    use_stored_ui_scale(kKioskUiScale); // a visitor's pinch is theirs, not the next one's
    kiosk.next_refresh = 0;             // the welcome's board and news at once
}

void App::kiosk_tick(double now) {
    auto& kiosk = state_.kiosk;
    if (kiosk.event.empty()) return;
    if (state_.account) {
        if (!kiosk.ends_at && now - kiosk.last_activity >= kiosk.idle_seconds)
            kiosk.ends_at = now + kCountdownSeconds;
        if (kiosk.ends_at && now >= *kiosk.ends_at) end_kiosk_visit();
    }
    if (!state_.account && state_.screen == Screen::SignIn &&
        (!kiosk.next_refresh || now >= *kiosk.next_refresh))
        refresh_kiosk_attract(now);
}

void App::refresh_kiosk_attract(double now) {
    auto& kiosk = state_.kiosk;
    kiosk.next_refresh = now + kAttractRefreshSeconds;
    api_.event_board(kiosk.event, kBoardRows, [this](ApiResult<protocol::Leaderboard> result) {
        if (auto* board = std::get_if<protocol::Leaderboard>(&result))
            state_.kiosk.board = std::move(*board);
    });
    api_.public_news(kKioskNewsItems, [this](ApiResult<protocol::NewsPage> result) {
        if (auto* page = std::get_if<protocol::NewsPage>(&result))
            state_.kiosk.news = std::move(page->items);
    });
}

} // namespace orchard::client
