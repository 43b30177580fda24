// App: starting, the connection to the server, signing in and out, and the dashboard. Names of
// states are in app_names.cpp, working on a task in app_tasks.cpp.
#include "client/app.h"

#include "client/routes.h"
#include "i18n/languages.h"
#include "i18n/translator.h"
#include "protocol/errors.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

namespace orchard::client {

using i18n::tr;

namespace {

constexpr const char* kTokenKey = "orchard.session";
constexpr const char* kLangKey = "orchard.lang";
constexpr const char* kThemeKey = "orchard.theme";
constexpr const char* kInterfaceLanguageKey = "orchard.interface_language";
constexpr const char* kUiScaleKey = "orchard.ui_scale";

// The stored scale, if one was chosen (a value that is not a number is no choice).
std::optional<double> stored_ui_scale(const KeyValueStore& store) {
    const auto text = store.get(kUiScaleKey);
    if (!text) return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(text->c_str(), &end);
    if (end == text->c_str()) return std::nullopt;
    return nearest_ui_scale(value);
}

} // namespace

App::App(ApiClient& api, KeyValueStore& store, AppOptions options)
    : api_(api), store_(store), drafts_(store), random_(options.seed) {
    state_.theme = options.theme;
    if (auto theme = store_.get(kThemeKey))
        state_.theme = *theme == "dark" ? Theme::Dark : Theme::Light;
    state_.lang = data_language_for(store_.get(kLangKey).value_or(options.browser_lang));
    // An embedding host's theme and data language come first: its page around Orchard is
    // drawn in that theme, for readers of that language.
    use_stored_ui_scale(1.0);
    state_.embedded = options.embed.embedded;
    state_.kiosk.asked_by_url = options.url_kiosk_event;
    if (options.embed.theme) state_.theme = *options.embed.theme;
    if (!options.embed.data_language.empty()) state_.lang = options.embed.data_language;
    std::vector<std::string> preferred;
    if (auto chosen = store_.get(kInterfaceLanguageKey)) preferred.push_back(*chosen);
    if (!options.url_language.empty()) preferred.push_back(options.url_language);
    preferred.insert(preferred.end(), options.browser_languages.begin(),
                     options.browser_languages.end());
    state_.interface_language = std::string(i18n::negotiate(preferred));
}

void App::use_stored_ui_scale(double otherwise) {
    state_.ui_scale = stored_ui_scale(store_).value_or(otherwise);
}

void App::set_ui_scale(double scale) {
    state_.ui_scale = nearest_ui_scale(scale);
    store_.set(kUiScaleKey, std::to_string(state_.ui_scale));
}

void App::set_interface_language(const std::string& tag) {
    const i18n::InterfaceLanguage* language = i18n::find_interface_language(tag);
    if (!language) return;
    state_.interface_language = std::string(language->tag);
    store_.set(kInterfaceLanguageKey, state_.interface_language);
}

void App::start(double now, const StartupLinks& links) {
    pending_route_ = links.route;
    check_health(now);
    api_.sign_in_providers([this](ApiResult<std::vector<std::string>> result) {
        if (auto* ids = std::get_if<std::vector<std::string>>(&result))
            state_.sign_in.providers = *ids;
    });
    if (!links.oauth_token.empty()) {
        store_.set(kTokenKey, links.oauth_token);
    } else if (!links.oauth_error.empty()) {
        state_.sign_in.problem = tr("app.oauth_failed", {{"error", links.oauth_error}});
    }
    if (!links.email_token.empty()) {
        state_.screen = Screen::Loading;
        sign_in_started_ = true;
        api_.verify_email_link(
            links.email_token, [this, now](ApiResult<protocol::SessionGrant> result) {
                on_sign_in_result(std::move(result), now, tr("app.email_link_refused"));
            });
        return;
    }
    load_account(now);
}

void App::load_account(double now) {
    auto token = store_.get(kTokenKey);
    if (!token || token->empty()) {
        state_.screen = Screen::SignIn;
        return;
    }
    api_.set_session_token(*token);
    state_.screen = Screen::Loading;
    api_.me([this, now](ApiResult<protocol::Account> result) {
        if (auto* account = std::get_if<protocol::Account>(&result)) {
            state_.account = *account;
            after_account(now);
            return;
        }
        const auto& error = std::get<ClientError>(result);
        if (error.kind == ClientError::Kind::Network) {
            // Keep the session: try again when the server is back.
            network_trouble(error, now);
            return;
        }
        end_session(error.http_status == 401 || error.http_status == 403
                        ? std::string(tr("app.session_ended"))
                        : describe(error));
    });
}

void App::tick(double now) {
    if (state_.retry_at && now >= *state_.retry_at) check_health(now);
    auto& task = state_.task;
    if (task.retry_at && now >= *task.retry_at && state_.screen == Screen::Task) {
        task.retry_at.reset();
        if (task.phase == TaskPhase::Requesting)
            request_task(now);
        else if (task.phase == TaskPhase::Acking)
            send_ack(now);
        else if (task.phase == TaskPhase::Submitting)
            send_submission(now);
    }
    if (state_.screen == Screen::Dashboard && !state_.dashboard.refreshing &&
        now >= state_.dashboard.next_refresh)
        refresh_dashboard(now);
    kiosk_tick(now);
}

std::optional<double> App::next_wakeup() const {
    std::optional<double> at = state_.retry_at;
    auto earliest = [&at](double t) { at = at ? std::min(*at, t) : t; };
    if (state_.task.retry_at && state_.screen == Screen::Task) earliest(*state_.task.retry_at);
    if (state_.screen == Screen::Dashboard && !state_.dashboard.refreshing)
        earliest(state_.dashboard.next_refresh);
    const auto& kiosk = state_.kiosk;
    if (!kiosk.event.empty()) {
        // The end of the idle time starts the countdown, whose end ends the visit (the view
        // animates the seconds in between).
        if (kiosk.ends_at)
            earliest(*kiosk.ends_at);
        else if (state_.account)
            earliest(kiosk.last_activity + kiosk.idle_seconds);
        else if (kiosk.next_refresh && state_.screen == Screen::SignIn)
            earliest(*kiosk.next_refresh);
    }
    return at;
}

void App::retry_now(double now) {
    check_health(now);
    if (state_.task.retry_at) state_.task.retry_at = now;
    tick(now);
}

void App::toggle_theme() {
    state_.theme = state_.theme == Theme::Light ? Theme::Dark : Theme::Light;
    store_.set(kThemeKey, to_string(state_.theme));
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
            state_.max_reply_characters = static_cast<std::size_t>(health->message_size_limit);
            become_kiosk_if_asked(*health, now);
            state_.database_status = health->database;
            if (health->status == "ok") {
                const bool recovered =
                    state_.connection != Connection::Connected && state_.failed_attempts > 0;
                state_.connection = Connection::Connected;
                state_.failed_attempts = 0;
                state_.problem.clear();
                if (recovered) {
                    // Back again: resend what waited for the server right away, and load again
                    // what the screen on show could not get meanwhile.
                    if (state_.task.retry_at) state_.task.retry_at = now;
                    if (state_.screen == Screen::Loading && !state_.account) load_account(now);
                    reload_screen(now);
                }
                return;
            }
            // Running but unable to store anything: keep checking until it recovers.
            state_.connection = Connection::Degraded;
            state_.failed_attempts += 1;
            state_.problem = tr("app.database_unavailable", {{"database", health->database}});
            state_.retry_at = now + retry_delay_seconds(state_.failed_attempts);
            return;
        }
        network_trouble(std::get<ClientError>(result), now);
    });
}

void App::network_trouble(const ClientError& error, double now) {
    // The host page hears of the server becoming unreachable once, not of each retry.
    if (state_.connection != Connection::Unreachable)
        tell_host("error", {{"kind", "network"}, {"message", describe(error)}});
    state_.failed_attempts += 1;
    state_.connection = Connection::Unreachable;
    state_.problem = describe(error);
    if (!health_request_in_flight_)
        state_.retry_at = now + retry_delay_seconds(state_.failed_attempts);
}

bool App::handle_common_error(const ClientError& error, double now) {
    if (error.kind == ClientError::Kind::Network) {
        network_trouble(error, now);
        state_.task.retry_at = now + retry_delay_seconds(state_.failed_attempts);
        return true;
    }
    if (has_code(error, protocol::ErrorCode::TermsNotAccepted)) {
        if (state_.account) state_.account->terms_accepted = false;
        state_.screen = Screen::Terms;
        return true;
    }
    if (error.http_status == 401) {
        end_session(tr("app.session_ended_work_kept"));
        return true;
    }
    return false;
}

// ---- Signing in --------------------------------------------------------------------------

void App::show_sign_in(SignInMode mode) {
    state_.sign_in.mode = mode;
    state_.sign_in.problem.clear();
    state_.sign_in.notice.clear();
}

void App::on_sign_in_result(ApiResult<protocol::SessionGrant> result, double now,
                            const char* credentials_refused) {
    state_.sign_in.busy = false;
    if (auto* grant = std::get_if<protocol::SessionGrant>(&result)) {
        begin_session(*grant, now);
        return;
    }
    const auto& error = std::get<ClientError>(result);
    state_.screen = Screen::SignIn;
    // A refusal of what was typed (or of the link), not an ended session: there was none yet.
    const bool refused =
        has_code(error, protocol::ErrorCode::InvalidAuthentication) || error.http_status == 401;
    state_.sign_in.problem = refused && credentials_refused ? credentials_refused : describe(error);
    if (error.kind == ClientError::Kind::Network) network_trouble(error, now);
}

void App::register_account(const std::string& username, const std::string& display_name,
                           const std::string& password, double now) {
    state_.sign_in.busy = true;
    state_.sign_in.problem.clear();
    api_.register_account(username, display_name, password,
                          [this, now](ApiResult<protocol::SessionGrant> result) {
                              on_sign_in_result(std::move(result), now);
                          });
}

void App::login(const std::string& username, const std::string& password, double now) {
    state_.sign_in.busy = true;
    state_.sign_in.problem.clear();
    api_.login(username, password, [this, now](ApiResult<protocol::SessionGrant> result) {
        on_sign_in_result(std::move(result), now, tr("app.credentials_refused"));
    });
}

void App::continue_as_guest(const std::string& display_name, double now) {
    state_.sign_in.busy = true;
    state_.sign_in.problem.clear();
    api_.continue_as_guest(display_name, "", [this, now](ApiResult<protocol::SessionGrant> result) {
        on_sign_in_result(std::move(result), now);
    });
}

void App::request_email_link(const std::string& email) {
    state_.sign_in.busy = true;
    state_.sign_in.problem.clear();
    api_.request_email_link(email, [this, email](ApiResult<Empty> result) {
        state_.sign_in.busy = false;
        if (std::holds_alternative<Empty>(result)) {
            state_.sign_in.mode = SignInMode::EmailSent;
            state_.sign_in.email_sent_to = email;
            return;
        }
        state_.sign_in.problem = describe(std::get<ClientError>(result));
    });
}

void App::start_oauth(const std::string& provider) {
    state_.sign_in.busy = true;
    state_.navigate_to = "/api/v1/auth/oauth/" + provider + "/start";
}

std::string App::take_navigation() {
    return std::exchange(state_.navigate_to, std::string());
}

std::vector<HostEvent> App::take_host_events() {
    return std::exchange(host_events_, {});
}

void App::tell_host(std::string type, nlohmann::json detail) {
    // Bounded: a host page that stopped listening (or a platform that never takes them) must
    // not make the queue grow for as long as the page is open.
    constexpr std::size_t kMostKept = 64;
    if (!state_.embedded || host_events_.size() >= kMostKept) return;
    host_events_.push_back({std::move(type), std::move(detail)});
}

void App::begin_session(const protocol::SessionGrant& grant, double now) {
    store_.set(kTokenKey, grant.token);
    api_.set_session_token(grant.token);
    state_.account = grant.account;
    state_.sign_in = SignInState{.providers = state_.sign_in.providers};
    forms_.sign_in.password.clear(); // it did its job; nothing shows it while signed in
    after_account(now);
}

void App::after_account(double now) {
    if (state_.account->id != host_knows_account_) {
        host_knows_account_ = state_.account->id;
        tell_host("signed_in", {{"display_name", state_.account->display_name},
                                {"guest", state_.account->guest}});
    }
    // A kiosk's welcome says in a sentence that starting accepts the terms: one tap.
    if (!state_.account->terms_accepted && !state_.kiosk.event.empty() && state_.account->guest) {
        state_.screen = Screen::Loading;
        accept_terms(now);
        return;
    }
    if (!state_.account->terms_accepted) {
        state_.screen = Screen::Terms;
        return;
    }
    // Work that was never confirmed by the server comes back first, unless the page was opened
    // at another screen's address: then that screen, and the dashboard offers the work.
    const std::string route = std::exchange(pending_route_, std::string());
    const auto target = parse_route(route);
    if (target && target->screen != Screen::Task && !route.empty()) {
        note_unsent();
        follow_route(route, now);
        return;
    }
    if (restore_draft(now, tr("app.unsent_work_restored"))) {
        recall_points_notice();
        return;
    }
    if (target && target->screen == Screen::Task) {
        follow_route(route, now);
        recall_points_notice();
        return;
    }
    state_.screen = Screen::Dashboard;
    refresh_dashboard(now);
}

void App::accept_terms(double now) {
    api_.accept_terms([this, now](ApiResult<protocol::Account> result) {
        if (auto* account = std::get_if<protocol::Account>(&result)) {
            state_.account = *account;
            after_account(now);
            return;
        }
        const auto& error = std::get<ClientError>(result);
        if (!handle_common_error(error, now)) state_.sign_in.problem = describe(error);
    });
}

void App::claim_account(const std::string& username, const std::string& password) {
    auto& dashboard = state_.dashboard;
    dashboard.claim_busy = true;
    dashboard.claim_problem.clear();
    api_.claim_account(username, password, [this](ApiResult<protocol::Account> result) {
        state_.dashboard.claim_busy = false;
        if (auto* account = std::get_if<protocol::Account>(&result)) {
            state_.account = *account;
            forms_.claim = ClaimForm{}; // the password has done its job
            return;
        }
        state_.dashboard.claim_problem = describe(std::get<ClientError>(result));
    });
}

void App::sign_out() {
    // At a kiosk, leaving is the end of the visit: nothing stays for the next person.
    if (!state_.kiosk.event.empty()) {
        end_kiosk_visit();
        return;
    }
    api_.logout([](ApiResult<Empty>) {});
    end_session("");
}

void App::end_session(const std::string& why) {
    if (!host_knows_account_.empty()) tell_host("signed_out");
    host_knows_account_.clear();
    store_.remove(kTokenKey);
    api_.set_session_token("");
    state_.account.reset();
    state_.screen = Screen::SignIn;
    for (const auto& row : screen_rows())
        if (row.reset) row.reset(state_);
    state_.sign_in.problem = why;
    state_.rewards = RewardsState{};
    state_.unsent.reset();
    forms_ = Forms{};
    ++state_.sessions_ended;
    ++task_generation_;
    ++screen_generation_;
}

// ---- Dashboard ---------------------------------------------------------------------------

void App::set_lang(const std::string& lang, double now) {
    const std::string chosen = data_language_for(lang);
    if (chosen == state_.lang) return;
    state_.lang = chosen;
    store_.set(kLangKey, chosen);
    state_.dashboard.loaded = false;
    if (state_.screen == Screen::Dashboard) refresh_dashboard(now);
}

void App::refresh_dashboard(double now) {
    auto& dashboard = state_.dashboard;
    dashboard.refreshing = true;
    dashboard.next_refresh = now + kDashboardRefreshSeconds;
    refresh_rewards(now);
    const std::string lang = state_.lang;
    api_.availability(lang, [this, now, lang](ApiResult<protocol::Availability> result) {
        auto& d = state_.dashboard;
        d.refreshing = false;
        d.next_refresh = now + kDashboardRefreshSeconds;
        if (lang != state_.lang) return; // the person switched languages meanwhile
        if (auto* counts = std::get_if<protocol::Availability>(&result)) {
            d.counts = *counts; // replaced in one step, so the screen never shows a gap
            d.loaded = true;
            d.problem.clear();
            return;
        }
        const auto& error = std::get<ClientError>(result);
        if (error.kind == ClientError::Kind::Network)
            network_trouble(error, now);
        else if (!handle_common_error(error, now))
            d.problem = describe(error);
    });
}

void App::open_task(const std::string& kind, double now) {
    if (state_.unsent && restore_draft(now, tr("app.unsent_work_first"))) return;
    auto& t = state_.task;
    t = TaskState{.completed = t.completed};
    t.kind = kind;
    state_.screen = Screen::Task;
    request_task(now);
}

void App::back_to_dashboard(double now) {
    show_screen(Screen::Dashboard, now);
}

void App::leave_task() {
    // A task left untouched is given back (skipped), so that walking between the dashboard and
    // tasks never piles up open tasks (8 open ones block new requests). Work already entered
    // stays: its task and draft wait to be restored.
    auto& t = state_.task;
    const bool untouched = t.task && t.phase == TaskPhase::Working && !has_entered_work(t);
    if (untouched) {
        api_.nack(t.task->id, "left for the dashboard", [](ApiResult<Empty>) {});
        if (state_.account) drafts_.clear(state_.account->id);
    }
    state_.task = TaskState{.completed = state_.task.completed};
    ++task_generation_;
    note_unsent();
}

} // namespace orchard::client
