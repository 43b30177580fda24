// The client application's state and the rules that change it. Views read `state()` and call the
// action methods; the platform layer calls `tick()` when `next_wakeup()` is due.
#pragma once

#include "client/api_client.h"
#include "client/draft.h"
#include "client/key_value_store.h"
#include "client/label_answers.h"
#include "client/ranking_order.h"
#include "protocol/account.h"
#include "protocol/task.h"

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace orchard::client {

enum class Theme { Light, Dark };
enum class Screen { Loading, SignIn, Terms, Dashboard, Task };
enum class Connection { Checking, Connected, Degraded, Unreachable };
enum class SignInMode { Choose, Register, Login, Guest, Email, EmailSent };
enum class TaskPhase { Requesting, Acking, Working, Submitting, NoTask, Failed };

// The longest text the server takes for a reply (PROTOCOL.md §2), in characters.
inline constexpr std::size_t kMaxReplyCharacters = 2000;

struct SignInState {
    SignInMode mode = SignInMode::Choose;
    bool busy = false;
    std::string problem;
    std::vector<std::string> providers; // OAuth providers the server offers, e.g. "discord"
    std::string email_sent_to;
};

struct DashboardState {
    protocol::Availability counts;
    std::string claim_problem; // why keeping a guest account did not work
    bool claim_busy = false;
    bool loaded = false;
    bool refreshing = false;
    std::string problem;
    double next_refresh = 0;
};

struct TaskState {
    std::string kind = "random"; // what the person asked for: "random" or a task type
    TaskPhase phase = TaskPhase::Requesting;
    std::optional<protocol::Task> task;
    Draft draft;
    LabelAnswers answers;
    RankingOrder ranking;
    std::string problem;    // why the last step failed, as a sentence
    std::string notice;     // a good outcome worth a line, e.g. the last submission was saved
    bool reviewing = false; // writing: the text is shown as it will read, before submitting
    bool confirm_skip = false;
    bool confirm_unchanged_ranking = false;
    std::optional<double> retry_at; // when a step that failed on the network is sent again
    int completed = 0;              // tasks submitted in this visit
};

struct AppState {
    Screen screen = Screen::Loading;
    Theme theme = Theme::Light;
    Connection connection = Connection::Checking;
    std::string server_version; // known once the server answered
    std::string database_status;
    std::string problem; // a sentence for the person when connection is not Connected
    int failed_attempts = 0;
    std::optional<double> retry_at; // when the next automatic health check runs (seconds)
    std::optional<protocol::Account> account;
    std::string lang = "en";     // the data language tasks are requested in
    std::string storage_problem; // set when browser storage refuses the draft
    std::string navigate_to;     // a page the browser should open (an OAuth provider's sign-in)
    SignInState sign_in;
    DashboardState dashboard;
    TaskState task;
};

// What the page was opened with: the end of an e-mail or OAuth sign-in.
struct StartupLinks {
    std::string email_token;
    std::string oauth_token;
    std::string oauth_error;
};

struct AppOptions {
    Theme theme = Theme::Light;
    std::string browser_lang = "en";
    std::uint64_t seed = 0; // for frontend ids; the platform gives a random one
};

struct LanguageChoice {
    const char* code;
    const char* name;
};
const std::vector<LanguageChoice>& data_languages();
// The data language for a browser language tag such as "de-CH"; English when not offered.
std::string data_language_for(const std::string& browser_tag);

const char* to_string(Screen screen);
const char* to_string(Theme theme);
const char* to_string(Connection connection);
const char* to_string(SignInMode mode);
const char* to_string(TaskPhase phase);

// Waits between automatic reconnection attempts: 1 s, 2 s, 4 s ... capped at 30 s.
double retry_delay_seconds(int failed_attempts);
// How often the dashboard's counts refresh while it is shown.
inline constexpr double kDashboardRefreshSeconds = 20;

class App {
  public:
    App(ApiClient& api, KeyValueStore& store, AppOptions options);

    void start(double now, const StartupLinks& links = {});
    void tick(double now);
    std::optional<double> next_wakeup() const;

    void retry_now(double now);
    void toggle_theme();

    // Signing in
    void show_sign_in(SignInMode mode);
    void register_account(const std::string& username, const std::string& display_name,
                          const std::string& password);
    void login(const std::string& username, const std::string& password);
    void continue_as_guest(const std::string& display_name);
    void request_email_link(const std::string& email);
    // Leaves for the provider's sign-in page; it sends the browser back with a session.
    void start_oauth(const std::string& provider);
    // The page to open, once: the platform layer navigates there.
    std::string take_navigation();
    void accept_terms();
    // A guest keeps the account (and its points) by choosing a username and password.
    void claim_account(const std::string& username, const std::string& password);
    void sign_out();

    // Dashboard
    void set_lang(const std::string& lang, double now);
    void open_task(const std::string& kind, double now);
    void back_to_dashboard(double now);

    // Working on a task
    void edit_text(const std::string& text);
    // Writing tasks: show the text rendered before it is sent (false when it cannot be sent yet,
    // with the reason in state().task.problem), and back to the editor.
    bool start_review();
    void back_to_editing();
    void set_label(const std::string& name, double value);
    void toggle_flag(const std::string& name);
    void move_reply(std::size_t from, std::size_t to);
    void set_not_rankable(bool not_rankable);
    // Sends the work; false when it cannot be sent yet (state().task.problem says why, or a
    // confirmation is asked first).
    bool submit(double now);
    void confirm_unchanged_ranking(double now);
    void cancel_confirmation();
    void skip(double now);         // asks first when the person has typed something
    void confirm_skip(double now); // skips without asking
    void react(const std::string& message_id, const std::string& emoji);
    void report(const std::string& message_id, const std::string& label, const std::string& reason);

    // Reasons a submission would be refused before sending, as sentences; empty when ready.
    std::vector<std::string> submit_blockers() const;

    const AppState& state() const { return state_; }

  private:
    void check_health(double now);
    void load_account(double now);
    void begin_session(const protocol::SessionGrant& grant, double now);
    void after_account(double now);
    void end_session(const std::string& why);
    void on_sign_in_result(ApiResult<protocol::SessionGrant> result, double now);
    void refresh_dashboard(double now);
    void request_task(double now);
    void adopt_task(ReceivedTask received, double now);
    void send_ack(double now);
    void send_submission(double now);
    void after_submission(double now);
    // Common handling of a failed call: network (retry later), session ended, terms. Returns
    // true when it took care of the error.
    bool handle_common_error(const ClientError& error, double now);
    void network_trouble(const ClientError& error, double now);
    void save_draft();
    std::string new_frontend_id();

    ApiClient& api_;
    KeyValueStore& store_;
    DraftStore drafts_;
    std::mt19937_64 random_;
    AppState state_;
    bool health_request_in_flight_ = false;
    bool sign_in_started_ = false;
    // Each network step bumps this; answers for an older step (after the person moved on) are
    // dropped.
    unsigned task_generation_ = 0;
};

} // namespace orchard::client
