#include "server/api/route_table.h"

#include "server/api/api_client_routes.h"
#include "server/api/audit_routes.h"
#include "server/api/auth_routes.h"
#include "server/api/client_error_routes.h"
#include "server/api/config_routes.h"
#include "server/api/email_sign_in_routes.h"
#include "server/api/explorer_routes.h"
#include "server/api/export_routes.h"
#include "server/api/health_routes.h"
#include "server/api/message_routes.h"
#include "server/api/moderation_routes.h"
#include "server/api/oauth_routes.h"
#include "server/api/people_routes.h"
#include "server/api/rewards_routes.h"
#include "server/api/task_routes.h"
#include "server/api/tree_status_routes.h"

namespace orchard::api {

namespace {

// Short names for the columns, so that a row reads as one line.
constexpr Access kPublic = Access::Public;
constexpr Access kSession = Access::Session;
constexpr Access kCaller = Access::Caller;
constexpr Access kModerator = Access::Moderator;
constexpr Access kAdmin = Access::Admin;
constexpr Work kRead = Work::Read;
constexpr Work kWrite = Work::Write;
// Argon2 hashing, an OAuth provider's answer, sending e-mail: never while holding the writer.
constexpr Work kOwn = Work::OwnTransactions;
constexpr Body kAccountBody = Body::AccountFields;
constexpr Body kNoBody = Body::Ignored;
constexpr const char* kTasks = "before your first task";

} // namespace

const std::vector<Route>& route_table() {
    static const std::vector<Route> kRoutes = {
        // clang-format off
        // Health, and the accounts of Orchard's own client (PROTOCOL.md §9).
        {"GET", "/api/v1/health", kPublic, kOwn, health::check, {.body = kNoBody}},
        {"POST", "/api/v1/auth/email", kPublic, kOwn, email_sign_in::send_link,
            {.body = kAccountBody, .limit = &email_sign_in::kEmailLimit}},
        {"POST", "/api/v1/auth/email/verify", kPublic, kOwn, email_sign_in::verify,
            {.body = kAccountBody}},
        {"POST", "/api/v1/auth/register", kPublic, kOwn, auth::register_account,
            {.body = kAccountBody, .limit = &auth::kNewAccountLimit}},
        {"POST", "/api/v1/auth/login", kPublic, kOwn, auth::login, {.body = kAccountBody}},
        {"POST", "/api/v1/auth/guest", kPublic, kOwn, auth::guest,
            {.body = kAccountBody, .limit = &auth::kNewAccountLimit}},
        {"POST", "/api/v1/auth/claim", kSession, kOwn, auth::claim, {.body = kAccountBody}},
        {"PUT", "/api/v1/auth/me", kSession, kOwn, auth::change_me, {.body = kAccountBody}},
        {"GET", "/api/v1/auth/me", kSession, kWrite, auth::me, {.body = kAccountBody}},
        {"POST", "/api/v1/auth/accept_terms", kSession, kWrite, auth::accept_terms,
            {.body = kAccountBody}},
        {"DELETE", "/api/v1/auth/me", kSession, kWrite, auth::delete_me, {.body = kAccountBody}},
        {"POST", "/api/v1/auth/logout", kSession, kWrite, auth::logout, {.body = kAccountBody}},
        {"POST", "/api/v1/auth/logout_all", kSession, kWrite, auth::logout_all,
            {.body = kAccountBody}},
        {"GET", "/api/v1/auth/providers", kPublic, kOwn, oauth_sign_in::providers,
            {.body = kNoBody}},
        {"GET", "/api/v1/auth/oauth/{provider}/start", kPublic, kOwn, oauth_sign_in::start,
            {.body = kNoBody, .limit = &oauth_sign_in::kStartLimit}},
        {"GET", "/api/v1/auth/oauth/{provider}/callback", kPublic, kOwn, oauth_sign_in::callback,
            {.body = kNoBody}},

        // The task lifecycle (PROTOCOL.md §2) and the tree manager's configuration (§5).
        {"POST", "/api/v1/tasks", kCaller, kWrite, tasks::request,
            {.named_user = true, .terms_before = kTasks, .limit = &tasks::kRequestLimit}},
        {"POST", "/api/v1/tasks/availability", kCaller, kRead, tasks::availability,
            {.named_user = true, .terms_before = kTasks}},
        {"POST", "/api/v1/tasks/interaction", kCaller, kWrite, tasks::interaction,
            {.named_user = true, .terms_before = kTasks}},
        {"POST", "/api/v1/tasks/close", kCaller, kWrite, tasks::close,
            {.named_user = true, .terms_before = kTasks}},
        {"POST", "/api/v1/tasks/{task_id}/ack", kCaller, kWrite, tasks::ack,
            {.named_user = true, .terms_before = kTasks}},
        {"POST", "/api/v1/tasks/{task_id}/nack", kCaller, kWrite, tasks::nack,
            {.named_user = true, .terms_before = kTasks}},
        {"GET", "/api/v1/admin/config", kAdmin, kWrite, config_routes::get},
        // Each value with its default and its last change (docs/moderation.md).
        {"GET", "/api/v1/admin/config/details", kAdmin, kRead, config_routes::details},
        {"GET", "/api/v1/moderation/status", kModerator, kRead, tree_status::status},
        {"PUT", "/api/v1/admin/config", kAdmin, kWrite, config_routes::put},

        // Messages, reactions and labels outside tasks (PROTOCOL.md §3). The reads run on the
        // writer, as they always have.
        {"GET", "/api/v1/messages/cursor", kCaller, kWrite, messages::search},
        {"GET", "/api/v1/messages/{message_id}", kCaller, kWrite, messages::get},
        {"GET", "/api/v1/messages/{message_id}/conversation", kCaller, kWrite,
            messages::conversation},
        {"GET", "/api/v1/messages/{message_id}/tree", kCaller, kWrite, messages::tree},
        {"GET", "/api/v1/messages/{message_id}/children", kCaller, kWrite, messages::children},
        {"GET", "/api/v1/frontend_messages/{frontend_message_id}", kCaller, kWrite,
            messages::get_by_frontend_id},
        {"GET", "/api/v1/frontend_messages/{frontend_message_id}/conversation", kCaller, kWrite,
            messages::conversation_by_frontend_id},
        {"GET", "/api/v1/frontend_messages/{frontend_message_id}/tree", kCaller, kWrite,
            messages::tree_by_frontend_id},
        {"GET", "/api/v1/frontend_messages/{frontend_message_id}/children", kCaller, kWrite,
            messages::children_by_frontend_id},
        {"GET", "/api/v1/messages/{message_id}/tree/state", kCaller, kWrite,
            messages::tree_state},
        {"PUT", "/api/v1/messages/{message_id}/tree/state", kModerator, kWrite,
            messages::set_tree_state},
        {"DELETE", "/api/v1/messages/{message_id}", kModerator, kWrite, messages::remove},
        {"PUT", "/api/v1/messages/{message_id}/undelete", kModerator, kWrite, messages::undelete},
        {"POST", "/api/v1/messages/{message_id}/edit", kModerator, kWrite, messages::edit,
            {.named_user = true}},
        // The texts before an edit: an edit may have removed what nobody else should read.
        {"GET", "/api/v1/messages/{message_id}/history", kModerator, kWrite, messages::history},
        // A throw-away account's flag or report must at least cost reading the terms.
        {"POST", "/api/v1/messages/{message_id}/emoji", kCaller, kWrite, messages::react,
            {.named_user = true, .terms_before = "before reacting to messages"}},
        {"POST", "/api/v1/text_labels", kCaller, kWrite, messages::add_labels,
            {.named_user = true, .terms_before = "before labeling or reporting messages"}},
        {"GET", "/api/v1/text_labels/valid_labels", kCaller, kWrite, messages::valid_labels},
        {"GET", "/api/v1/text_labels/report_labels", kCaller, kWrite, messages::report_labels},

        // The data explorer (docs/explorer.md).
        {"GET", "/api/v1/explorer/trees", kCaller, kRead, explorer::trees},
        {"GET", "/api/v1/explorer/search", kCaller, kRead, explorer::search},
        {"GET", "/api/v1/explorer/messages/{message_id}", kCaller, kRead, explorer::details},

        // Datasets (docs/datasets.md). An export runs on a read snapshot of its own; the browser
        // downloads by a signed link, which the download route checks instead of a session.
        {"GET", "/api/v1/admin/datasets", kAdmin, kRead, exports::datasets},
        {"GET", "/api/v1/admin/export", kAdmin, kOwn, exports::export_file, {.body = kNoBody}},
        {"POST", "/api/v1/admin/export/links", kAdmin, kOwn, exports::create_link,
            {.named_user = true}},
        {"GET", "/api/v1/export/download", kPublic, kOwn, exports::download, {.body = kNoBody}},

        // The flag queue (docs/flag-moderation.md).
        {"GET", "/api/v1/moderation/flagged", kModerator, kRead, moderation::flagged},
        {"POST", "/api/v1/moderation/flagged/{message_id}", kModerator, kWrite,
            moderation::decide},
        // People (docs/moderation.md): roles are for admins only, checked by the handler.
        {"GET", "/api/v1/moderation/users", kModerator, kRead, people::search},
        {"GET", "/api/v1/moderation/users/{user_id}", kModerator, kRead, people::page},
        {"PUT", "/api/v1/moderation/users/{user_id}", kModerator, kWrite, people::change},
        {"POST", "/api/v1/moderation/users/{user_id}/notes", kModerator, kWrite,
            people::add_note},
        {"GET", "/api/v1/moderation/users/{user_id}/purge", kModerator, kRead,
            people::purge_preview},
        {"POST", "/api/v1/moderation/users/{user_id}/purge", kModerator, kWrite, people::purge},

        // The audit log of moderators' and admins' actions (docs/moderation.md).
        {"GET", "/api/v1/admin/audit", kAdmin, kRead, audit::list},
        {"GET", "/api/v1/admin/audit/verify", kAdmin, kRead, audit::verify},
        // Frontends' API keys.
        {"GET", "/api/v1/admin/api_clients", kAdmin, kRead, api_clients::list},
        {"POST", "/api/v1/admin/api_clients", kAdmin, kWrite, api_clients::create},
        {"PUT", "/api/v1/admin/api_clients/{client_id}", kAdmin, kWrite, api_clients::change},
        {"POST", "/api/v1/admin/api_clients/{client_id}/rotate", kAdmin, kWrite,
            api_clients::rotate},

        // Rewards (PROTOCOL.md §7, docs/rewards.md).
        {"GET", "/api/v1/leaderboards/{frame}", kCaller, kRead, rewards::leaderboard},
        {"GET", "/api/v1/users/{user_id}/stats", kCaller, kRead, rewards::user_stats},
        {"GET", "/api/v1/users/{user_id}/stats/{frame}/window", kCaller, kRead,
            rewards::user_window},
        {"GET", "/api/v1/users/{user_id}/ledger", kCaller, kWrite, rewards::ledger},
        {"GET", "/api/v1/users/{user_id}/activity", kCaller, kWrite, rewards::activity},
        {"GET", "/api/v1/users/{user_id}/contributions", kCaller, kWrite,
            rewards::contributions},
        {"GET", "/api/v1/trollboards/{frame}", kModerator, kWrite, rewards::trollboard},
        {"GET", "/api/v1/stats", kCaller, kWrite, rewards::stats},
        {"GET", "/api/v1/news", kCaller, kWrite, rewards::news},
        {"GET", "/api/v1/prizes", kCaller, kWrite, rewards::prizes},
        // The public widgets' data (docs/embedding.md): read by any site's pages, no key.
        {"GET", "/api/v1/public/leaderboards/{frame}", kPublic, kRead,
            rewards::public_leaderboard, {.body = kNoBody}},
        {"GET", "/api/v1/public/news", kPublic, kRead, rewards::public_news, {.body = kNoBody}},
        {"GET", "/api/v1/public/events/{event}/leaderboard", kPublic, kRead,
            rewards::public_event_board, {.body = kNoBody}},
        {"POST", "/api/v1/admin/prizes", kAdmin, kWrite, rewards::add_prize},
        {"PUT", "/api/v1/admin/prizes/{prize_id}", kAdmin, kWrite, rewards::change_prize},
        {"DELETE", "/api/v1/admin/prizes/{prize_id}", kAdmin, kWrite, rewards::remove_prize},

        // The browser client's crash reports: before signing in, too.
        {"POST", "/api/v1/client_errors", kPublic, kOwn, client_errors::report,
            {.limit = &client_errors::kReportLimit}},
        // clang-format on
    };
    return kRoutes;
}

} // namespace orchard::api
