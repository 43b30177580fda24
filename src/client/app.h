// The client application's state and the rules that change it. Views read `state()` and call the
// action methods; the platform layer calls `tick()` when `next_wakeup()` is due.
#pragma once

#include "client/api_client.h"
#include "client/draft.h"
#include "client/embedding.h"
#include "client/forms.h"
#include "client/key_value_store.h"
#include "client/label_answers.h"
#include "client/ranking_order.h"
#include "client/screens.h"
#include "client/ui_scale.h"
#include "protocol/account.h"
#include "protocol/datasets.h"
#include "protocol/explorer.h"
#include "protocol/moderation.h"
#include "protocol/rewards.h"
#include "protocol/task.h"

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace orchard::client {

enum class Theme { Light, Dark };
enum class Connection { Checking, Connected, Degraded, Unreachable };
enum class SignInMode { Choose, Register, Login, Guest, Email, EmailSent };
enum class TaskPhase { Requesting, Acking, Working, Submitting, NoTask, Failed };

// A kiosk at an event (docs/kiosk.md): strangers one after another on one machine. Known from
// the server's health (a kiosk server's event, or the page's ?kiosk= when the server allows that
// event); empty `event` when this is no kiosk.
struct KioskState {
    std::string event;
    double idle_seconds = 90;
    double last_activity = 0; // the app's clock, seconds
    // While set, the visit ends at this time unless the visitor touches the screen.
    std::optional<double> ends_at;
    // Between visitors: the event's board and the news, refreshed every 30 s.
    std::optional<protocol::Leaderboard> board;
    std::vector<protocol::NewsItem> news;
    std::optional<double> next_refresh;
    unsigned visits_ended = 0;
    std::string asked_by_url; // the page's ?kiosk=, until the server's health answers it
    std::string refused;      // a ?kiosk= event this server does not allow: said on sign-in
};

struct SignInState {
    SignInMode mode = SignInMode::Choose;
    bool busy = false;
    std::string problem;
    std::vector<std::string> providers; // OAuth providers the server offers, e.g. "discord"
    std::string email_sent_to;
    std::string notice; // a good outcome, e.g. signed out everywhere or the account deleted
};

struct DashboardState {
    protocol::Availability counts;
    std::string claim_problem; // why keeping a guest account did not work
    bool claim_busy = false;
    bool loaded = false;
    bool refreshing = false;
    std::string problem;
    double next_refresh = 0;
    // Rewards: today's top five and the news feed (newest first), refreshed with the counts.
    std::optional<protocol::Leaderboard> top_today;
    std::vector<protocol::NewsItem> news;
    std::string news_cursor; // asks the server only for items newer than those shown
};

// What the person has earned: the top bar and the dashboard show it, a submission updates it.
struct RewardsState {
    std::optional<protocol::UserStats> stats;
    std::optional<long long> last_earned; // points the last submission brought, once known
};

struct LeaderboardState {
    protocol::TimeFrame frame = protocol::TimeFrame::Week;
    long long offset = 0;
    bool around_me = false; // the window of neighbours around the person's own rank
    std::optional<protocol::Leaderboard> page;
    bool loading = false;
    std::string problem;
};

struct ProfileState {
    std::vector<protocol::LedgerEntry> ledger;   // newest first
    std::optional<std::string> ledger_next;      // cursor of older entries
    std::vector<protocol::ActivityDay> activity; // the last 30 days, oldest first
    bool loaded = false;
    bool loading_more = false;
    std::string problem;
};

struct ContributionsState {
    std::vector<protocol::Contribution> items; // newest first
    std::optional<std::string> next;
    bool loaded = false;
    bool loading_more = false;
    std::string problem;
};

struct PrizesState {
    std::optional<protocol::Prizes> prizes;
    std::string problem;
};

// The data explorer (app_explore.cpp): the newest trees of the person's language, or the hits of
// a search, and one tree opened at a message.
struct ExploreState {
    std::string searched; // the words whose hits are listed; empty: the newest trees
    std::vector<protocol::TreeCard> trees;
    std::vector<protocol::SearchHit> hits;
    std::optional<std::string> next; // the cursor of the list's following page
    bool loaded = false;
    bool loading = false;
    std::optional<protocol::TreeMessages> tree;
    std::string chosen_id;              // the message whose path is marked and whose details show
    std::vector<std::string> collapsed; // messages whose replies are hidden
    std::optional<protocol::MessageDetails> details;
    // Labeling the chosen message: its labels and the answers so far, while the form is open.
    std::optional<LabelAnswers> labeling;
    bool labels_sending = false;
    // Moderating the chosen message (app_explore_moderation.cpp): its earlier texts, the edit
    // open (forms().explore.edit), a deletion asked about, and the action on its way.
    std::vector<protocol::Revision> history;
    std::string history_of; // the message the history is of
    bool editing = false;
    bool confirm_delete = false;
    std::string moderating; // "delete", "undelete", "edit", "halt" or "resume" on its way
    bool tree_loading = false;
    unsigned opened_trees = 0; // counts trees opened, so that the view scrolls to the new one
    std::string problem;
    std::string notice;
};

// The admins' Datasets screen (app_explore.cpp).
struct DatasetsState {
    std::optional<protocol::DatasetCounts> counts;
    std::string preparing; // the format whose download link is on its way
    std::string problem;
    std::string notice;
};

// The account settings screen (app_settings.cpp): which section is waiting for the server, and
// the outcome of the last change, shown under the section it belongs to.
enum class SettingsSection { None, Name, Leaderboard, Password, Sessions, Delete };
struct SettingsState {
    SettingsSection busy = SettingsSection::None;
    SettingsSection outcome = SettingsSection::None; // where notice and problem belong
    std::string notice;
    std::string problem;
    std::optional<bool> pending_show; // the leaderboard choice on its way to the server
    unsigned opened = 0;              // counts openings, so the view refills its fields
    unsigned password_changes = 0;    // counts changed passwords, so the view empties its fields
};

// The moderators' review queue (app_moderation.cpp, docs/flag-moderation.md): flagged, reported
// and flag-labelled messages, one of them selected for the keyboard's decisions.
struct ModerationState {
    bool open_only = true;     // what no moderator has decided on yet
    bool most_flagged = false; // ordered by how much brought each in, else the latest first
    std::vector<protocol::FlagQueueItem> items;
    std::optional<std::string> next; // the cursor of the following page
    std::string selected;            // the message the keys act on
    bool loaded = false;
    bool loading = false;
    std::string busy; // the message whose decision is on its way
    // Removing asks first: the message it would remove.
    std::string confirm_remove;
    std::string problem;
    std::string notice;
};

// The moderators' people screen (app_people.cpp, docs/moderation.md): the people found, and one
// person's page with what may be done to them. Banning, changing a role and purging ask first.
enum class PersonAction { None, Ban, Unban, Hide, Unhide, Role, Note, Purge };
struct PeopleState {
    std::string searched; // the words whose matches are listed; empty: the newest accounts
    std::vector<protocol::Person> items;
    std::optional<std::string> next;
    bool loaded = false;
    bool loading = false;
    std::vector<protocol::TrollRow> trollboard; // the worst first, shown over the newest accounts
    std::string opened;                         // the person whose page shows; empty: the list
    std::optional<protocol::PersonPage> person;
    std::vector<protocol::Contribution> messages;  // their latest messages, newest first
    PersonAction busy = PersonAction::None;        // on its way to the server
    PersonAction confirm = PersonAction::None;     // asked about: Ban, Role or Purge
    std::string new_role;                          // the role a Role confirmation would give
    std::optional<protocol::PurgePlan> purge_plan; // the preview a Purge confirmation shows
    std::string problem;
    std::string notice;
};

// The admins' audit log screen (app_people.cpp): its rows newest first, of every action or of
// one kind ("user.*"), and whether its hash chain holds.
struct AuditState {
    std::string kind; // "" for every action, else e.g. "user.*"
    std::vector<protocol::AuditRow> rows;
    std::optional<std::string> next;
    std::optional<protocol::AuditCheck> check;
    bool loaded = false;
    bool loading = false;
    std::string problem;
};

// The tree manager's screen (app_admin.cpp): its status for moderators and admins, and for
// admins its configuration, each setting edited as text (forms().config) until saved.
struct TreesState {
    std::optional<protocol::TreeStatus> status;
    std::vector<protocol::ConfigItem> config;
    bool loaded = false;
    bool saving = false;
    std::string problem;
    std::string notice;
};

// The admins' API keys screen (app_admin.cpp). A new or rotated key is shown once, until
// dismissed; rotating asks first, since the old key stops working at once.
struct ApiKeysState {
    std::vector<protocol::ApiClientInfo> clients;
    bool loaded = false;
    std::string busy;           // the client whose change is on its way ("new" for a new one)
    std::string confirm_rotate; // the client a rotation would change
    std::optional<protocol::IssuedApiKey> issued;
    std::string problem;
    std::string notice;
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

// A task left with work in it (text typed, labels answered, replies reordered): its draft stays in
// browser storage, and the dashboard offers it again (app_unsent.cpp).
struct UnsentWork {
    protocol::TaskType type;
    std::string preview; // the start of the text typed; empty for labels and rankings
};

// Whether the person has put anything into the task: text, a label answer, a changed order.
bool has_entered_work(const TaskState& task);

struct AppState {
    Screen screen = Screen::Loading;
    Theme theme = Theme::Light;
    double ui_scale = 1.0; // one of kUiScales (client/ui_scale.h)
    Connection connection = Connection::Checking;
    std::string server_version; // known once the server answered
    // The longest reply the server takes, in characters: its configuration, read with its health.
    std::size_t max_reply_characters = protocol::kDefaultMessageSizeLimit;
    std::string database_status;
    std::string problem; // a sentence for the person when connection is not Connected
    int failed_attempts = 0;
    std::optional<double> retry_at; // when the next automatic health check runs (seconds)
    std::optional<protocol::Account> account;
    std::string lang = "en"; // the data language tasks are requested in
    // The interface's language (i18n/languages.h): the settings' choice, else the page's `lang`
    // parameter (an embedding host's), else the browser's languages. The platform layer loads
    // its catalog and makes it active (i18n/translator.h).
    std::string interface_language = "en";
    std::string storage_problem; // set when browser storage refuses the draft
    std::string navigate_to;     // a page the browser should open (an OAuth provider's sign-in)
    SignInState sign_in;
    DashboardState dashboard;
    TaskState task;
    RewardsState rewards;
    LeaderboardState leaderboard;
    ProfileState profile;
    ContributionsState contributions;
    PrizesState prizes;
    SettingsState settings;
    ExploreState explore;
    DatasetsState datasets;
    ModerationState moderation;
    PeopleState people;
    AuditState audit;
    TreesState trees;
    ApiKeysState api_keys;
    std::optional<UnsentWork> unsent;
    // Counts sign-outs (and ended sessions), so that views drop what they kept of the last one.
    unsigned sessions_ended = 0;
    // In another site's frame (client/embedding.h): the compact layout, events for the host.
    bool embedded = false;
    KioskState kiosk;
};

// What the page was opened with: the end of an e-mail or OAuth sign-in.
struct StartupLinks {
    std::string email_token;
    std::string oauth_token;
    std::string oauth_error;
    std::string route; // the screen's address the page was opened at (client/routes.h)
};

struct AppOptions {
    Theme theme = Theme::Light;
    std::string browser_lang = "en";
    std::vector<std::string> browser_languages; // navigator.languages, most preferred first
    std::string url_language;                   // the page's `lang` parameter, if any
    // The page's `kiosk` parameter: a kiosk of this event, if the server allows it by address.
    std::string url_kiosk_event;
    std::uint64_t seed = 0; // for frontend ids; the platform gives a random one
    EmbedOptions embed;     // what an embedding host page asked for
};

struct LanguageChoice {
    const char* code;
    const char* name;
};
const std::vector<LanguageChoice>& data_languages();
// The data language for a browser language tag such as "de-CH"; English when not offered.
std::string data_language_for(const std::string& browser_tag);

// A person's name for a kind of points ledger entry ("Assistant reply written"), in the
// interface's language; a kind newer than this client is spelled out from its name.
std::string ledger_kind_text(std::string_view kind);
// A tree's state (the server's tree_state) as people read it ("Ready for export").
std::string tree_state_name(std::string_view state);
// A machine name spelled out for people, for names newer than this client: "fails_task" is
// "Fails task".
std::string spelled_out(std::string_view name);

const char* to_string(Theme theme);
const char* to_string(Connection connection);
const char* to_string(SignInMode mode);
const char* to_string(TaskPhase phase);
const char* to_string(PersonAction action);
const char* to_string(SettingsSection section);

// Waits between automatic reconnection attempts: 1 s, 2 s, 4 s ... capped at 30 s.
double retry_delay_seconds(int failed_attempts);
// How often the dashboard's counts refresh while it is shown.
inline constexpr double kDashboardRefreshSeconds = 20;
// Rows per leaderboard page, neighbours on each side in "my position", ledger and
// contributions per page, days in the activity chart, news items on the dashboard.
inline constexpr int kLeaderboardPageSize = 20;
inline constexpr int kLeaderboardWindow = 5;
inline constexpr int kLedgerPageSize = 50;
inline constexpr int kContributionsPageSize = 20;
inline constexpr int kActivityDays = 30;
inline constexpr int kNewsItems = 8;
// Trees or search hits per explorer page.
inline constexpr int kExplorePageSize = 20;
// Items per page of the review queue, people per page of their list, the person's latest
// messages on their page, audit log rows per page, trollboard rows on the people screen.
inline constexpr int kModerationPageSize = 25;
inline constexpr int kPeoplePageSize = 25;
inline constexpr int kPersonMessages = 10;
inline constexpr int kAuditPageSize = 50;
inline constexpr int kTrollboardRows = 10;

// Whether the account may moderate (moderator or admin): the moderators' screens and their entry
// in the navigation are theirs.
bool is_staff(const AppState& state);
bool is_admin(const AppState& state);

class App {
  public:
    App(ApiClient& api, KeyValueStore& store, AppOptions options);

    void start(double now, const StartupLinks& links = {});
    void tick(double now);
    std::optional<double> next_wakeup() const;

    void retry_now(double now);
    void toggle_theme();
    // Changes the interface's language and remembers it; a tag Orchard does not ship is ignored.
    void set_interface_language(const std::string& tag);
    // Draws everything at the offered scale nearest `scale`, and remembers it.
    void set_ui_scale(double scale);

    // Signing in
    void show_sign_in(SignInMode mode);
    // `now` everywhere: a sign-in that fails on the network schedules the next health check
    // from it, so that the reconnection back-off holds.
    void register_account(const std::string& username, const std::string& display_name,
                          const std::string& password, double now);
    void login(const std::string& username, const std::string& password, double now);
    void continue_as_guest(const std::string& display_name, double now);

    // Kiosks (docs/kiosk.md, client/app_kiosk.cpp)
    // One tap: a guest of the event named `nickname`, the terms accepted (the welcome screen
    // says so), straight to the dashboard.
    void start_kiosk_visit(const std::string& nickname, double now);
    // Someone touched the screen: the idle time starts again and a countdown stops.
    void note_activity(double now);
    // Signs out and forgets everything this browser kept of the visitor; the welcome returns.
    void end_kiosk_visit();
    void request_email_link(const std::string& email);
    // Leaves for the provider's sign-in page; it sends the browser back with a session.
    void start_oauth(const std::string& provider);
    // Opens the screen at `path` (client/routes.h): the browser's Back and Forward, and the
    // address the page was opened at. Before signing in, it is kept for afterwards.
    void follow_route(const std::string& path, double now);
    // The page to open, once: the platform layer navigates there.
    std::string take_navigation();
    // What happened since the last call that an embedding host page is told (nothing when the
    // app is not embedded); the platform layer posts them to the host.
    std::vector<HostEvent> take_host_events();
    void accept_terms(double now);
    // A guest keeps the account (and its points) by choosing a username and password.
    void claim_account(const std::string& username, const std::string& password);
    void sign_out();

    // Dashboard
    void set_lang(const std::string& lang, double now);
    // Opens a task of `kind` ("random" or a task type); unsent work left on another task comes
    // back first instead, so that a new task never overwrites it.
    void open_task(const std::string& kind, double now);
    void back_to_dashboard(double now);
    // The work offered on the dashboard: carry on with it, or give its task back.
    void resume_unsent(double now);
    void discard_unsent();

    // The rewards screens (Dashboard too): leaving a task gives an untouched one back first.
    void show_screen(Screen screen, double now);
    void set_leaderboard_frame(protocol::TimeFrame frame, double now);
    void leaderboard_page(int direction, double now); // -1 previous, +1 next page
    void show_my_position(double now);
    void load_more_ledger(double now);
    void load_more_contributions(double now);

    // Account settings (app_settings.cpp). Each change is one request; its outcome lands in
    // state().settings. Signing out everywhere and deleting the account end the session and
    // return to the sign-in screen with a notice.
    void save_display_name(const std::string& display_name, double now);
    void set_show_on_leaderboard(bool show, double now);
    void change_password(const std::string& current, const std::string& new_password,
                         const std::string& repeated, double now);
    void sign_out_everywhere(double now);
    void delete_account(double now);

    // The data explorer (app_explore.cpp): searches for the words in forms().explore.query (the
    // newest trees when it is blank), opens a tree at a message and reacts to its messages.
    void search_explorer(double now);
    void load_more_explorer(double now);
    void open_tree(const std::string& message_id, double now);
    // The explorer, at a message's tree (from the review queue).
    void open_in_explorer(const std::string& message_id, double now);
    void choose_message(const std::string& message_id, double now);
    void toggle_replies(const std::string& message_id);
    void close_tree();
    void explore_react(const std::string& message_id, const std::string& emoji);
    // Labels for the chosen message: opens the form with the labels its role takes, answers them
    // and sends them (free labels, PROTOCOL.md §4).
    void open_explore_labels(double now);
    void set_explore_label(const std::string& name, double value);
    void toggle_explore_flag(const std::string& name);
    void send_explore_labels(double now);
    void close_explore_labels();
    // Moderating the chosen message (moderators, app_explore_moderation.cpp): delete (asked
    // first; the replies under it go too) and undelete, edit with forms().explore.edit (every
    // earlier text kept and listed), and halt or resume its tree.
    void ask_delete_explored();
    void confirm_delete_explored(double now);
    void cancel_delete_explored();
    void undelete_explored(double now);
    void start_edit_explored();
    void save_edit_explored(double now);
    void cancel_edit_explored();
    void set_explored_tree_halted(bool halted, double now);
    // Datasets (admins): asks for a signed link and lets the browser download it.
    void download_dataset(const std::string& format, double now);

    // The review queue (moderators, app_moderation.cpp).
    void set_moderation_view(bool open_only, bool most_flagged, double now);
    void load_more_moderation(double now);
    void select_flagged(const std::string& message_id);
    void select_next_flagged(int direction); // +1 the next item, -1 the one before
    // "keep" (dismiss the flags), "handled" (dealt with otherwise) or "remove" (which asks
    // first: state().moderation.confirm_remove).
    void decide_flagged(const std::string& message_id, const std::string& decision, double now);
    void confirm_remove_flagged(double now);
    void cancel_remove_flagged();

    // People (moderators, app_people.cpp): finds them by the words in forms().people.query (the
    // newest accounts when blank), opens a person's page and acts on them. Banning takes the
    // reason in forms().people.ban_reason and asks first; a role change (admins) asks first;
    // purging fetches the preview, shows it and asks; a note is forms().people.note.
    void search_people(double now);
    void load_more_people(double now);
    void open_person(const std::string& user_id, double now);
    // From the review queue: the people screen, at the page of a message's author.
    void open_author(const std::string& user_id, double now);
    void close_person();
    void ask_ban();
    void ask_role(const std::string& role);
    void ask_purge(double now);
    void confirm_person_action(double now);
    void cancel_person_action();
    void unban_person(double now);
    void set_person_hidden(bool hidden, double now);
    void add_person_note(double now);

    // The tree manager (app_admin.cpp): saves the settings whose text in forms().config
    // differs from their value (each must be a number; the server checks the ranges).
    void save_config(double now);
    // API keys (admins): a new client from forms().api_key, enabled and trusted switched,
    // and a key rotated after the confirmation; the key issued stays shown until dismissed.
    void create_api_key(double now);
    void set_api_key_enabled(const std::string& client_id, bool enabled, double now);
    void set_api_key_trusted(const std::string& client_id, bool trusted, double now);
    void ask_rotate_api_key(const std::string& client_id);
    void confirm_rotate_api_key(double now);
    void cancel_rotate_api_key();
    void dismiss_issued_api_key();

    // The audit log (admins): every action, or one kind of them ("user.*").
    void set_audit_kind(const std::string& kind, double now);
    void load_more_audit(double now);

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
    void skip(double now);         // asks first when the person has entered work
    void confirm_skip(double now); // skips without asking
    void react(const std::string& message_id, const std::string& emoji);
    void report(const std::string& message_id, const std::string& label, const std::string& reason);

    // Reasons a submission would be refused before sending, as sentences; empty when ready.
    std::vector<std::string> submit_blockers() const;

    const AppState& state() const { return state_; }
    // The forms' typed text: the views edit it, signing out empties it.
    Forms& forms() { return forms_; }
    const Forms& forms() const { return forms_; }

  private:
    friend struct ScreenTable; // the screens' rows call the loaders below

    void check_health(double now);
    void load_account(double now);
    void begin_session(const protocol::SessionGrant& grant, double now);
    void after_account(double now);
    void end_session(const std::string& why);
    // `credentials_refused`: what to say when the server refuses the credentials or the link.
    void on_sign_in_result(ApiResult<protocol::SessionGrant> result, double now,
                           const char* credentials_refused = nullptr);
    void refresh_dashboard(double now);
    void leave_task();
    // Loads the data of the screen on show again (the server is back after an outage).
    void reload_screen(double now);
    // Puts the stored draft back on the task screen; false when there is none (or it is broken).
    bool restore_draft(double now, const char* notice);
    void note_unsent();
    void refresh_rewards(double now);
    // Fetches the person's scores; `announce_after` is the notice of a submission to extend with
    // the points it earned.
    // `done_task`: the type of the task just submitted; the host page is told what it earned.
    void refresh_my_stats(double now, std::string announce_after = {}, std::string done_task = {});
    void tell_host(std::string type, nlohmann::json detail = nlohmann::json::object());
    void become_kiosk_if_asked(const protocol::Health& health, double now);
    // The scale this browser's person chose, else `otherwise`.
    void use_stored_ui_scale(double otherwise);
    void kiosk_tick(double now);
    void refresh_kiosk_attract(double now);
    // The notice of what the last submission earned, kept in browser storage for a while, so
    // that a reload right after it still shows it on the task screen.
    void keep_points_notice(const std::string& notice);
    void recall_points_notice();
    void load_leaderboard(double now);
    void load_profile(double now);
    void load_contributions(double now);
    void load_prizes(double now);
    void load_explorer(double now);
    void load_details(const std::string& message_id, double now);
    void load_history(const std::string& message_id, double now);
    // Sends a moderator's action on the chosen message, then shows the tree as it is after it.
    void moderate_explored(const std::string& action, double now);
    void load_datasets(double now);
    // The queue's first page (replacing what is listed), or with `more` the page after it.
    void load_moderation(double now, bool more = false);
    void send_flag_decision(const std::string& message_id, const std::string& decision, double now);
    void load_people(double now, bool more = false);
    void load_person(double now);
    // Sends a change of the opened person and shows them as they are after it.
    void change_person(PersonAction action, const nlohmann::json& change, const char* notice_key,
                       double now);
    void load_audit(double now, bool more = false);
    void load_trees(double now);
    void load_api_keys(double now);
    void change_api_key(const std::string& client_id, const nlohmann::json& change, double now);
    void open_settings();
    void begin_settings_change(SettingsSection section);
    void settings_error(SettingsSection section, const ClientError& error, double now);
    void settings_answer(SettingsSection section, ApiResult<protocol::Account> result,
                         const std::string& notice, double now);
    // A failed rewards call: network trouble and ended sessions as everywhere, otherwise the
    // sentence goes to `problem`.
    void rewards_error(const ClientError& error, std::string& problem, double now);
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
    Forms forms_;
    bool health_request_in_flight_ = false;
    bool sign_in_started_ = false;
    // Each network step bumps this; answers for an older step (after the person moved on) are
    // dropped.
    unsigned task_generation_ = 0;
    std::string pending_route_;          // an address to open once signed in
    unsigned screen_generation_ = 0;     // the same for the rewards screens' loads
    std::vector<HostEvent> host_events_; // for an embedding host page, until taken
    std::string host_knows_account_;     // whose sign-in the host page was told of
};

} // namespace orchard::client
