// Typed calls to Orchard's /api/v1, one function per endpoint, over a Transport. Once a session
// has started, every call carries `Authorization: Bearer <token>` (PROTOCOL.md §1, second way).
#pragma once

#include "client/client_error.h"
#include "client/transport.h"
#include "protocol/account.h"
#include "protocol/account_requests.h"
#include "protocol/admin.h"
#include "protocol/audit.h"
#include "protocol/datasets.h"
#include "protocol/explorer.h"
#include "protocol/health.h"
#include "protocol/moderation.h"
#include "protocol/people.h"
#include "protocol/rewards.h"
#include "protocol/task.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

namespace orchard::client {

template <typename T> using ApiResult = std::variant<T, ClientError>;
template <typename T> using Done = std::function<void(ApiResult<T>)>;

struct Empty {};

// What PUT /api/v1/auth/me changes; fields left empty stay as they are. A new password goes with
// the current one.
using protocol::AccountChanges;

// A task and the exact text it arrived as (kept in the draft, so a reload shows the same task).
struct ReceivedTask {
    protocol::Task task;
    std::string json;
};

class ApiClient {
  public:
    explicit ApiClient(Transport& transport) : transport_(transport) {}

    void set_session_token(std::string token) { token_ = std::move(token); }
    const std::string& session_token() const { return token_; }

    void get_health(Done<protocol::Health> done);

    // Accounts (PROTOCOL.md §9)
    void register_account(const std::string& username, const std::string& display_name,
                          const std::string& password, Done<protocol::SessionGrant> done);
    void login(const std::string& username, const std::string& password,
               Done<protocol::SessionGrant> done);
    // `event`: the kiosk's event the guest starts at ("" for none; docs/kiosk.md).
    void continue_as_guest(const std::string& display_name, const std::string& event,
                           Done<protocol::SessionGrant> done);
    // An event's public board (kiosk visitors only), best first.
    void event_board(const std::string& event, int max_count, Done<protocol::Leaderboard> done);
    // The public news (no session needed: a kiosk's welcome between visitors).
    void public_news(int max_count, Done<protocol::NewsPage> done);
    void request_email_link(const std::string& email, Done<Empty> done);
    void verify_email_link(const std::string& token, Done<protocol::SessionGrant> done);
    void claim_account(const std::string& username, const std::string& password,
                       Done<protocol::Account> done);
    void me(Done<protocol::Account> done);
    void accept_terms(Done<protocol::Account> done);
    void logout(Done<Empty> done);
    void update_me(const AccountChanges& changes, Done<protocol::Account> done);
    void delete_me(Done<Empty> done);  // content stays, anonymised; off the leaderboards
    void logout_all(Done<Empty> done); // ends every session of the account, this one included
    void sign_in_providers(Done<std::vector<std::string>> done);

    // Tasks (PROTOCOL.md §2)
    void availability(const std::string& lang, Done<protocol::Availability> done);
    void request_task(const std::string& type, const std::string& lang, Done<ReceivedTask> done);
    void ack(const std::string& task_id, const std::string& frontend_id, Done<Empty> done);
    void nack(const std::string& task_id, const std::string& reason, Done<Empty> done);
    void interaction(const nlohmann::json& body, Done<Empty> done);

    // Messages (PROTOCOL.md §3)
    void react(const std::string& message_id, const std::string& emoji, Done<Empty> done);
    void report(const std::string& message_id, const std::string& label, const std::string& reason,
                Done<Empty> done);
    // Labels outside a task: the ones the message's role takes, and a person's answers to them.
    void valid_labels(const std::string& message_id,
                      Done<std::vector<protocol::LabelDescription>> done);
    void free_labels(const std::string& message_id, const std::map<std::string, double>& labels,
                     Done<Empty> done);

    // Points, leaderboards, news and prizes (PROTOCOL.md §7, docs/rewards.md). `before` and
    // `after` are cursors from an earlier page; empty for the first.
    void leaderboard(protocol::TimeFrame frame, long long offset, int max_count,
                     Done<protocol::Leaderboard> done);
    void user_stats(const std::string& user_id, Done<protocol::UserStats> done);
    void user_window(const std::string& user_id, protocol::TimeFrame frame, int window_size,
                     Done<protocol::Leaderboard> done);
    void ledger(const std::string& user_id, const std::string& before, int max_count,
                Done<protocol::LedgerPage> done);
    void activity(const std::string& user_id, int days,
                  Done<std::vector<protocol::ActivityDay>> done);
    void contributions(const std::string& user_id, const std::string& before, int max_count,
                       Done<protocol::ContributionPage> done);
    void news(const std::string& after, int max_count, Done<protocol::NewsPage> done);
    void prizes(Done<protocol::Prizes> done);

    // The data explorer (docs/explorer.md). `lang` empty for every language; `before` a cursor
    // from an earlier page, empty for the first.
    void explorer_trees(const std::string& lang, const std::string& before, int max_count,
                        Done<protocol::TreePage> done);
    void explorer_search(const std::string& query, const std::string& lang,
                         const std::string& before, int max_count, Done<protocol::SearchPage> done);
    void message_tree(const std::string& message_id, Done<protocol::TreeMessages> done);
    void message_details(const std::string& message_id, Done<protocol::MessageDetails> done);

    // Datasets, for admins (docs/datasets.md).
    void dataset_counts(Done<protocol::DatasetCounts> done);
    void export_link(const std::string& format, Done<protocol::DownloadLinkAnswer> done);

    // The review queue, for moderators (docs/flag-moderation.md). `open_only` lists what no
    // moderator has decided on; `most_flagged` orders by how much brought each item in.
    void flag_queue(bool open_only, bool most_flagged, const std::string& before, int max_count,
                    Done<protocol::FlagQueue> done);
    // "keep", "remove" or "handled".
    void decide_flag(const std::string& message_id, const std::string& decision, Done<Empty> done);

    // A message and its tree, for moderators: deleted (with the replies under it) and back,
    // edited (every earlier text kept: history), and its tree halted or resumed.
    void delete_message(const std::string& message_id, Done<Empty> done);
    void undelete_message(const std::string& message_id, Done<Empty> done);
    void edit_message(const std::string& message_id, const std::string& text, Done<Empty> done);
    void message_history(const std::string& message_id, Done<std::vector<protocol::Revision>> done);
    void set_tree_halted(const std::string& message_id, bool halted, Done<Empty> done);

    // People (docs/moderation.md): found by a part of their name, username or e-mail, or an id;
    // a person's page; a change ({enabled, disabled_reason}, {hidden_from_leaderboards} or
    // {role}); a note; and purging their messages, previewed first. The purge says how many
    // messages the preview showed, so that one written since makes the server ask again.
    void people(const std::string& search, const std::string& before, int max_count,
                Done<protocol::PeoplePage> done);
    void person_page(const std::string& user_id, Done<protocol::PersonPage> done);
    // The all-time trollboard's first `max_count` rows.
    void trollboard(int max_count, Done<std::vector<protocol::TrollRow>> done);
    void change_person(const std::string& user_id, const nlohmann::json& change,
                       Done<protocol::Person> done);
    void add_person_note(const std::string& user_id, const std::string& text,
                         Done<protocol::ModeratorNote> done);
    void purge_preview(const std::string& user_id, Done<protocol::PurgePlan> done);
    void purge(const std::string& user_id, std::size_t expect_messages,
               Done<protocol::PurgePlan> done);

    // The audit log, for admins: newest first, one action ("user.ban") or a kind ("user.*").
    void audit_log(const std::string& action, const std::string& before, int max_count,
                   Done<protocol::AuditPage> done);
    void audit_check(Done<protocol::AuditCheck> done);

    // The tree manager (moderators read its status; admins change its configuration with only
    // the settings that change, and get the configuration as it is after).
    void tree_status(Done<protocol::TreeStatus> done);
    void config_details(Done<std::vector<protocol::ConfigItem>> done);
    void change_config(const nlohmann::json& changes, Done<Empty> done);

    // API clients, for admins: a new client's key and a rotated key are in the answer only.
    void api_clients(Done<std::vector<protocol::ApiClientInfo>> done);
    void create_api_client(const std::string& description, bool trusted,
                           Done<protocol::IssuedApiKey> done);
    void change_api_client(const std::string& client_id, const nlohmann::json& change,
                           Done<protocol::ApiClientInfo> done);
    void rotate_api_client(const std::string& client_id, Done<protocol::IssuedApiKey> done);

  private:
    void send(std::string method, std::string path, const nlohmann::json* body,
              std::function<void(HttpResult)> done);

    Transport& transport_;
    std::string token_;
};

} // namespace orchard::client
