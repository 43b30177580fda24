#include "client/app.h"

#include "client/task_submission.h"
#include "client/text_metrics.h"
#include "protocol/errors.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace orchard::client {

namespace {

constexpr const char* kTokenKey = "orchard.session";
constexpr const char* kLangKey = "orchard.lang";
constexpr const char* kThemeKey = "orchard.theme";

bool is_code(const ClientError& error, protocol::ErrorCode code) {
    return error.api && error.api->error_code == static_cast<int>(code);
}

} // namespace

const std::vector<LanguageChoice>& data_languages() {
    // Languages whose names the client's font can draw; the server keeps each one apart.
    static const std::vector<LanguageChoice> languages = {
        {"en", "English"},  {"de", "Deutsch"},   {"es", "Español"},    {"fr", "Français"},
        {"it", "Italiano"}, {"pt", "Português"}, {"nl", "Nederlands"}, {"pl", "Polski"},
        {"ca", "Català"},   {"da", "Dansk"},     {"sv", "Svenska"},    {"tr", "Türkçe"},
    };
    return languages;
}

std::string data_language_for(const std::string& browser_tag) {
    std::string primary = browser_tag.substr(0, browser_tag.find_first_of("-_"));
    std::transform(primary.begin(), primary.end(), primary.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const auto& language : data_languages())
        if (primary == language.code) return primary;
    return "en";
}

const char* to_string(Screen screen) {
    switch (screen) {
    case Screen::Loading:
        return "loading";
    case Screen::SignIn:
        return "sign_in";
    case Screen::Terms:
        return "terms";
    case Screen::Dashboard:
        return "dashboard";
    case Screen::Task:
        return "task";
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

const char* to_string(SignInMode mode) {
    switch (mode) {
    case SignInMode::Choose:
        return "choose";
    case SignInMode::Register:
        return "register";
    case SignInMode::Login:
        return "login";
    case SignInMode::Guest:
        return "guest";
    case SignInMode::Email:
        return "email";
    case SignInMode::EmailSent:
        return "email_sent";
    }
    return "unknown";
}

const char* to_string(TaskPhase phase) {
    switch (phase) {
    case TaskPhase::Requesting:
        return "requesting";
    case TaskPhase::Acking:
        return "acking";
    case TaskPhase::Working:
        return "working";
    case TaskPhase::Submitting:
        return "submitting";
    case TaskPhase::NoTask:
        return "no_task";
    case TaskPhase::Failed:
        return "failed";
    }
    return "unknown";
}

double retry_delay_seconds(int failed_attempts) {
    const int exponent = std::clamp(failed_attempts - 1, 0, 5);
    return std::min(30.0, std::pow(2.0, exponent));
}

App::App(ApiClient& api, KeyValueStore& store, AppOptions options)
    : api_(api), store_(store), drafts_(store), random_(options.seed) {
    state_.theme = options.theme;
    if (auto theme = store_.get(kThemeKey))
        state_.theme = *theme == "dark" ? Theme::Dark : Theme::Light;
    state_.lang = data_language_for(store_.get(kLangKey).value_or(options.browser_lang));
}

void App::start(double now, const StartupLinks& links) {
    check_health(now);
    api_.sign_in_providers([this](ApiResult<std::vector<std::string>> result) {
        if (auto* ids = std::get_if<std::vector<std::string>>(&result))
            state_.sign_in.providers = *ids;
    });
    if (!links.oauth_token.empty()) {
        store_.set(kTokenKey, links.oauth_token);
    } else if (!links.oauth_error.empty()) {
        state_.sign_in.problem = "Signing in with the provider did not work (" + links.oauth_error +
                                 "). Try again, or choose another way below.";
    }
    if (!links.email_token.empty()) {
        state_.screen = Screen::Loading;
        sign_in_started_ = true;
        api_.verify_email_link(links.email_token,
                               [this, now](ApiResult<protocol::SessionGrant> result) {
                                   on_sign_in_result(std::move(result), now);
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
                        ? "Your session has ended. Please sign in again."
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
}

std::optional<double> App::next_wakeup() const {
    std::optional<double> at = state_.retry_at;
    auto earliest = [&at](double t) { at = at ? std::min(*at, t) : t; };
    if (state_.task.retry_at && state_.screen == Screen::Task) earliest(*state_.task.retry_at);
    if (state_.screen == Screen::Dashboard && !state_.dashboard.refreshing)
        earliest(state_.dashboard.next_refresh);
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
            state_.database_status = health->database;
            if (health->status == "ok") {
                const bool recovered =
                    state_.connection != Connection::Connected && state_.failed_attempts > 0;
                state_.connection = Connection::Connected;
                state_.failed_attempts = 0;
                state_.problem.clear();
                if (recovered) {
                    // Back again: resend what waited for the server right away.
                    if (state_.task.retry_at) state_.task.retry_at = now;
                    if (state_.screen == Screen::Loading && !state_.account) load_account(now);
                }
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
        network_trouble(std::get<ClientError>(result), now);
    });
}

void App::network_trouble(const ClientError& error, double now) {
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
    if (is_code(error, protocol::ErrorCode::TermsNotAccepted)) {
        if (state_.account) state_.account->terms_accepted = false;
        state_.screen = Screen::Terms;
        return true;
    }
    if (error.http_status == 401) {
        end_session("Your session has ended. Please sign in again; your unsent work is kept.");
        return true;
    }
    return false;
}

// ---- Signing in --------------------------------------------------------------------------

void App::show_sign_in(SignInMode mode) {
    state_.sign_in.mode = mode;
    state_.sign_in.problem.clear();
}

void App::on_sign_in_result(ApiResult<protocol::SessionGrant> result, double now) {
    state_.sign_in.busy = false;
    if (auto* grant = std::get_if<protocol::SessionGrant>(&result)) {
        begin_session(*grant, now);
        return;
    }
    const auto& error = std::get<ClientError>(result);
    state_.screen = Screen::SignIn;
    state_.sign_in.problem = describe(error);
    if (error.kind == ClientError::Kind::Network) network_trouble(error, now);
}

void App::register_account(const std::string& username, const std::string& display_name,
                           const std::string& password) {
    state_.sign_in.busy = true;
    state_.sign_in.problem.clear();
    api_.register_account(username, display_name, password,
                          [this](ApiResult<protocol::SessionGrant> result) {
                              on_sign_in_result(std::move(result), 0);
                          });
}

void App::login(const std::string& username, const std::string& password) {
    state_.sign_in.busy = true;
    state_.sign_in.problem.clear();
    api_.login(username, password, [this](ApiResult<protocol::SessionGrant> result) {
        on_sign_in_result(std::move(result), 0);
    });
}

void App::continue_as_guest(const std::string& display_name) {
    state_.sign_in.busy = true;
    state_.sign_in.problem.clear();
    api_.continue_as_guest(display_name, [this](ApiResult<protocol::SessionGrant> result) {
        on_sign_in_result(std::move(result), 0);
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

void App::begin_session(const protocol::SessionGrant& grant, double now) {
    store_.set(kTokenKey, grant.token);
    api_.set_session_token(grant.token);
    state_.account = grant.account;
    state_.sign_in = SignInState{.providers = state_.sign_in.providers};
    after_account(now);
}

void App::after_account(double now) {
    if (!state_.account->terms_accepted) {
        state_.screen = Screen::Terms;
        return;
    }
    // Work that was never confirmed by the server comes back first.
    if (auto draft = drafts_.load(state_.account->id)) {
        if (auto task = protocol::parse_task(draft->task_json)) {
            auto& t = state_.task;
            t = TaskState{.completed = t.completed};
            t.kind = draft->lang.empty() ? "random" : protocol::to_string(task->type);
            t.task = std::move(*task);
            t.answers = LabelAnswers(*t.task);
            t.answers.restore(draft->labels);
            t.ranking = RankingOrder::is_permutation(draft->ranking, t.task->reply_messages.size())
                            ? RankingOrder(draft->ranking)
                            : RankingOrder(t.task->reply_messages.size());
            t.draft = std::move(*draft);
            t.notice = "Your unsent work was restored.";
            state_.screen = Screen::Task;
            ++task_generation_;
            if (t.draft.submitting)
                send_submission(now);
            else if (!t.draft.acked)
                send_ack(now);
            else
                t.phase = TaskPhase::Working;
            return;
        }
        drafts_.clear(state_.account->id);
    }
    state_.screen = Screen::Dashboard;
    refresh_dashboard(now);
}

void App::accept_terms() {
    api_.accept_terms([this](ApiResult<protocol::Account> result) {
        if (auto* account = std::get_if<protocol::Account>(&result)) {
            state_.account = *account;
            after_account(0);
            return;
        }
        const auto& error = std::get<ClientError>(result);
        if (!handle_common_error(error, 0)) state_.sign_in.problem = describe(error);
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
            return;
        }
        state_.dashboard.claim_problem = describe(std::get<ClientError>(result));
    });
}

void App::sign_out() {
    api_.logout([](ApiResult<Empty>) {});
    end_session("");
}

void App::end_session(const std::string& why) {
    store_.remove(kTokenKey);
    api_.set_session_token("");
    state_.account.reset();
    state_.screen = Screen::SignIn;
    state_.sign_in = SignInState{.providers = state_.sign_in.providers};
    state_.sign_in.problem = why;
    state_.task = TaskState{};
    state_.dashboard = DashboardState{};
    ++task_generation_;
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
    auto& t = state_.task;
    t = TaskState{.completed = t.completed};
    t.kind = kind;
    state_.screen = Screen::Task;
    request_task(now);
}

void App::back_to_dashboard(double now) {
    // A task left untouched is given back (skipped), so that walking between the dashboard and
    // tasks never piles up open tasks (8 open ones block new requests). Work already entered
    // stays: its task and draft wait to be restored.
    auto& t = state_.task;
    const bool untouched = t.task && t.phase == TaskPhase::Working && !has_content(t.draft.text) &&
                           t.draft.labels.empty() && t.ranking.unchanged() && !t.draft.not_rankable;
    if (untouched) {
        api_.nack(t.task->id, "left for the dashboard", [](ApiResult<Empty>) {});
        if (state_.account) drafts_.clear(state_.account->id);
    }
    state_.task = TaskState{.completed = state_.task.completed};
    ++task_generation_;
    state_.screen = Screen::Dashboard;
    refresh_dashboard(now);
}

// ---- Tasks -------------------------------------------------------------------------------

void App::request_task(double now) {
    auto& t = state_.task;
    t.phase = TaskPhase::Requesting;
    const unsigned generation = ++task_generation_;
    api_.request_task(t.kind, state_.lang, [this, now, generation](ApiResult<ReceivedTask> result) {
        if (generation != task_generation_) return;
        auto& current = state_.task;
        if (auto* received = std::get_if<ReceivedTask>(&result)) {
            adopt_task(std::move(*received), now);
            return;
        }
        const auto& error = std::get<ClientError>(result);
        if (is_code(error, protocol::ErrorCode::TaskTypeNotAvailable)) {
            current.phase = TaskPhase::NoTask;
            current.problem.clear();
            refresh_dashboard(now);
            return;
        }
        if (handle_common_error(error, now)) return;
        current.phase = TaskPhase::Failed;
        current.problem = describe(error);
    });
}

void App::adopt_task(ReceivedTask received, double now) {
    auto& t = state_.task;
    t.task = std::move(received.task);
    t.answers = LabelAnswers(*t.task);
    t.ranking = RankingOrder(t.task->reply_messages.size());
    t.draft = Draft{.task_json = std::move(received.json),
                    .lang = state_.lang,
                    .ack_id = new_frontend_id(),
                    .reply_id = new_frontend_id()};
    t.draft.ranking = t.ranking.order();
    t.confirm_skip = false;
    t.confirm_unchanged_ranking = false;
    save_draft();
    send_ack(now);
}

void App::send_ack(double now) {
    auto& t = state_.task;
    t.phase = TaskPhase::Acking;
    const unsigned generation = ++task_generation_;
    api_.ack(t.task->id, t.draft.ack_id, [this, now, generation](ApiResult<Empty> result) {
        if (generation != task_generation_) return;
        auto& current = state_.task;
        if (std::holds_alternative<Empty>(result)) {
            current.draft.acked = true;
            current.phase = TaskPhase::Working;
            save_draft();
            return;
        }
        const auto& error = std::get<ClientError>(result);
        if (handle_common_error(error, now)) return;
        // The task can no longer be taken (expired, or done elsewhere): fetch another.
        current.phase = TaskPhase::Failed;
        current.problem = describe(error);
        if (state_.account) drafts_.clear(state_.account->id);
    });
}

void App::edit_text(const std::string& text) {
    auto& t = state_.task;
    if (!t.task || t.phase != TaskPhase::Working || t.draft.text == text) return;
    t.draft.text = text;
    t.confirm_skip = false;
    t.problem.clear();
    save_draft();
}

bool App::start_review() {
    auto& t = state_.task;
    if (!t.task || t.phase != TaskPhase::Working) return false;
    const auto blockers = submit_blockers();
    if (!blockers.empty()) {
        t.problem = blockers.front();
        return false;
    }
    t.problem.clear();
    t.reviewing = true;
    return true;
}

void App::back_to_editing() {
    state_.task.reviewing = false;
}

void App::set_label(const std::string& name, double value) {
    auto& t = state_.task;
    if (t.phase != TaskPhase::Working) return;
    t.answers.set(name, value);
    t.draft.labels = t.answers.values();
    save_draft();
}

void App::toggle_flag(const std::string& name) {
    auto& t = state_.task;
    if (t.phase != TaskPhase::Working) return;
    t.answers.toggle_flag(name);
    t.draft.labels = t.answers.values();
    save_draft();
}

void App::move_reply(std::size_t from, std::size_t to) {
    auto& t = state_.task;
    if (t.phase != TaskPhase::Working) return;
    t.ranking.move(from, to);
    t.draft.ranking = t.ranking.order();
    t.confirm_unchanged_ranking = false;
    save_draft();
}

void App::set_not_rankable(bool not_rankable) {
    auto& t = state_.task;
    if (t.phase != TaskPhase::Working) return;
    t.draft.not_rankable = not_rankable;
    save_draft();
}

std::vector<std::string> App::submit_blockers() const {
    std::vector<std::string> blockers;
    const auto& t = state_.task;
    if (!t.task) return {"There is no task to submit."};
    if (protocol::is_writing(t.task->type)) {
        if (!has_content(t.draft.text)) blockers.push_back("Write something first.");
        const auto characters = count_characters(t.draft.text);
        if (characters > kMaxReplyCharacters)
            blockers.push_back("Shorten the text by " +
                               std::to_string(characters - kMaxReplyCharacters) +
                               " characters (the limit is 2,000).");
    } else if (protocol::is_labeling(t.task->type)) {
        for (const auto& name : t.answers.missing())
            blockers.push_back("Answer \"" + name + "\".");
    }
    return blockers;
}

bool App::submit(double now) {
    auto& t = state_.task;
    if (!t.task || t.phase != TaskPhase::Working) return false;
    const auto blockers = submit_blockers();
    if (!blockers.empty()) {
        t.problem = blockers.front();
        return false;
    }
    if (protocol::is_ranking(t.task->type) && !t.draft.not_rankable && t.ranking.unchanged() &&
        !t.confirm_unchanged_ranking) {
        t.confirm_unchanged_ranking = true; // the view asks "submit the order as shown?"
        return false;
    }
    t.confirm_unchanged_ranking = false;
    if (protocol::is_labeling(t.task->type)) t.draft.labels = t.answers.submission();
    t.draft.ranking = t.ranking.order();
    t.draft.submitting = true;
    t.problem.clear();
    t.notice.clear();
    save_draft();
    send_submission(now);
    return true;
}

void App::confirm_unchanged_ranking(double now) {
    auto& t = state_.task;
    if (!t.confirm_unchanged_ranking) return;
    submit(now);
}

void App::cancel_confirmation() {
    state_.task.confirm_skip = false;
    state_.task.confirm_unchanged_ranking = false;
}

void App::send_submission(double now) {
    auto& t = state_.task;
    t.phase = TaskPhase::Submitting;
    const unsigned generation = ++task_generation_;
    api_.interaction(interaction_body(*t.task, t.draft),
                     [this, now, generation](ApiResult<Empty> result) {
                         if (generation != task_generation_) return;
                         auto& current = state_.task;
                         if (std::holds_alternative<Empty>(result)) {
                             after_submission(now);
                             return;
                         }
                         const auto& error = std::get<ClientError>(result);
                         if (handle_common_error(error, now)) return;
                         // Refused: the work stays on screen so the person can fix it.
                         current.phase = TaskPhase::Working;
                         current.reviewing = false;
                         current.draft.submitting = false;
                         current.problem = describe(error);
                         save_draft();
                     });
}

void App::after_submission(double now) {
    auto& t = state_.task;
    if (state_.account) drafts_.clear(state_.account->id);
    const auto type = t.task->type;
    t.completed += 1;
    const std::string kind = t.kind;
    const int completed = t.completed;
    t = TaskState{.kind = kind, .completed = completed};
    t.notice = protocol::is_writing(type)   ? "Saved. Thank you for writing! Here is the next one."
               : protocol::is_ranking(type) ? "Ranking saved. Thank you! Here is the next one."
                                            : "Labels saved. Thank you! Here is the next one.";
    request_task(now);
}

void App::skip(double now) {
    auto& t = state_.task;
    if (!t.task) {
        back_to_dashboard(now);
        return;
    }
    if (protocol::is_writing(t.task->type) && has_content(t.draft.text) && !t.confirm_skip) {
        t.confirm_skip = true; // the view asks before throwing typed text away
        return;
    }
    confirm_skip(now);
}

void App::confirm_skip(double now) {
    auto& t = state_.task;
    if (!t.task) return;
    const std::string task_id = t.task->id;
    if (state_.account) drafts_.clear(state_.account->id);
    const std::string kind = t.kind;
    const int completed = t.completed;
    t = TaskState{.kind = kind, .completed = completed};
    t.phase = TaskPhase::Requesting;
    ++task_generation_;
    // The next task is asked for once the skip is recorded, so the same one cannot come back.
    api_.nack(task_id, "skipped", [this, now](ApiResult<Empty>) {
        if (state_.screen == Screen::Task && state_.task.phase == TaskPhase::Requesting &&
            !state_.task.task)
            request_task(now);
    });
}

void App::react(const std::string& message_id, const std::string& emoji) {
    auto& t = state_.task;
    if (!t.task) return;
    // Shown at once; the server's count follows with the next task.
    auto update = [&](protocol::ConversationMessage& message) {
        if (message.id != message_id) return;
        auto& mine = message.user_emojis;
        auto it = std::find(mine.begin(), mine.end(), emoji);
        if (it != mine.end()) {
            mine.erase(it);
            message.emojis[emoji] = std::max(0LL, message.emojis[emoji] - 1);
        } else {
            if (emoji == "+1" || emoji == "-1") {
                const std::string other = emoji == "+1" ? "-1" : "+1";
                auto o = std::find(mine.begin(), mine.end(), other);
                if (o != mine.end()) {
                    mine.erase(o);
                    message.emojis[other] = std::max(0LL, message.emojis[other] - 1);
                }
            }
            mine.push_back(emoji);
            message.emojis[emoji] += 1;
        }
    };
    for (auto& message : t.task->conversation)
        update(message);
    for (auto& message : t.task->reply_messages)
        update(message);
    api_.react(message_id, emoji, [this](ApiResult<Empty> result) {
        if (auto* error = std::get_if<ClientError>(&result))
            state_.task.problem = "Your reaction was not saved: " + describe(*error);
    });
}

void App::report(const std::string& message_id, const std::string& label,
                 const std::string& reason) {
    api_.report(message_id, label, reason, [this](ApiResult<Empty> result) {
        if (auto* error = std::get_if<ClientError>(&result))
            state_.task.problem = "Your report was not sent: " + describe(*error);
        else
            state_.task.notice = "Thank you. The report was sent to the moderators.";
    });
}

void App::save_draft() {
    if (!state_.account || !state_.task.task) return;
    if (drafts_.save(state_.account->id, state_.task.draft)) {
        state_.storage_problem.clear();
    } else {
        state_.storage_problem = "This browser does not let Orchard keep your draft. Your text is "
                                 "safe until you close the page; submit it before leaving.";
    }
}

std::string App::new_frontend_id() {
    // A random (version 4) UUID: unique per task across reloads and devices.
    std::uniform_int_distribution<unsigned> byte(0, 255);
    unsigned char b[16];
    for (auto& value : b)
        value = static_cast<unsigned char>(byte(random_));
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    char text[37];
    std::snprintf(text, sizeof text,
                  "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
                  b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
                  b[14], b[15]);
    return text;
}

} // namespace orchard::client
