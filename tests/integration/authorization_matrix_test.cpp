// Every API route, called as each kind of caller, against the real server: who may do what.
// The routes come from the server's own router, so a new route without a row here fails.
// A call counts as "allowed" when it is not refused for who is calling (401, 403, 503 with
// 4001): with placeholder ids and bodies an allowed call may still be 400 or 404.
#include "tests/support/api_routes.h"
#include "tests/support/database_query.h"
#include "tests/support/frontend.h"
#include "tests/support/orchard_cli.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_database.h"
#include "tests/support/test_server.h"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <httplib.h>
#include <map>
#include <regex>

using nlohmann::json;

namespace {

enum Who { Anonymous, Guest, Contributor, Moderator, Admin, UntrustedKey, TrustedKey, Disabled };
constexpr int kWho = 8;
const std::array<const char*, kWho> kWhoNames = {
    "anonymous",         "guest",           "contributor",  "moderator", "admin",
    "untrusted API key", "trusted API key", "disabled user"};

// 'A' allowed, or the status of the refusal.
using Row = std::array<int, kWho>;
constexpr int A = 0;
const Row kPublic = {A, A, A, A, A, A, A, A};
// Signing in with the placeholder (wrong) credentials: refused for the credentials, whoever calls.
const Row kWrongCredentials = {401, 401, 401, 401, 401, 401, 401, 401};
const Row kSignedIn = {401, A, A, A, A, 401, 401, 401};
const Row kCaller = {403, A, A, A, A, A, A, 503};
// Moderation: moderator and admin accounts, trusted API keys.
const Row kTrusted = {403, 403, 403, A, A, 403, A, 503};
// The configuration and prizes (the /api/v1/admin routes): admins, not moderators. A trusted
// key is the Open-Assistant website's backend acting for its admins (server/api/permissions.h).
const Row kAdmin = {403, 403, 403, 403, A, 403, A, 503};
// A download link the server did not sign: refused whoever follows it.
const Row kForgedLink = {403, 403, 403, 403, 403, 403, 403, 403};

const std::map<std::string, Row> kMatrix = {
    {"GET /api/v1/health", kPublic},
    // The client's crash guard reports before anyone signs in, too.
    {"POST /api/v1/client_errors", kPublic},
    {"POST /api/v1/auth/register", kPublic},
    {"POST /api/v1/auth/login", kWrongCredentials},
    {"POST /api/v1/auth/guest", kPublic},
    {"POST /api/v1/auth/email", kPublic}, // open to all (not set up here: 503 for everyone)
    {"POST /api/v1/auth/email/verify", kWrongCredentials},
    // Sign-in with an OAuth2 provider: open to all (none is set up here: 404 for everyone).
    {"GET /api/v1/auth/providers", kPublic},
    {"GET /api/v1/auth/oauth/{provider}/start", kPublic},
    {"GET /api/v1/auth/oauth/{provider}/callback", kPublic},
    {"POST /api/v1/auth/claim", kSignedIn},
    {"GET /api/v1/auth/me", kSignedIn},
    {"PUT /api/v1/auth/me", kSignedIn},
    {"DELETE /api/v1/auth/me", kSignedIn},
    {"POST /api/v1/auth/accept_terms", kSignedIn},
    {"POST /api/v1/auth/logout", kSignedIn},
    {"POST /api/v1/auth/logout_all", kSignedIn},
    {"POST /api/v1/tasks", kCaller},
    {"POST /api/v1/tasks/availability", kCaller},
    {"POST /api/v1/tasks/interaction", kCaller},
    {"POST /api/v1/tasks/close", kCaller},
    {"POST /api/v1/tasks/{task_id}/ack", kCaller},
    {"POST /api/v1/tasks/{task_id}/nack", kCaller},
    {"GET /api/v1/messages/cursor", kCaller},
    {"GET /api/v1/messages/{message_id}", kCaller},
    {"GET /api/v1/messages/{message_id}/conversation", kCaller},
    {"GET /api/v1/messages/{message_id}/tree", kCaller},
    {"GET /api/v1/messages/{message_id}/children", kCaller},
    {"GET /api/v1/frontend_messages/{frontend_message_id}", kCaller},
    {"GET /api/v1/frontend_messages/{frontend_message_id}/conversation", kCaller},
    {"GET /api/v1/frontend_messages/{frontend_message_id}/tree", kCaller},
    {"GET /api/v1/frontend_messages/{frontend_message_id}/children", kCaller},
    {"GET /api/v1/messages/{message_id}/tree/state", kCaller},
    {"PUT /api/v1/messages/{message_id}/tree/state", kTrusted},
    {"DELETE /api/v1/messages/{message_id}", kTrusted},
    {"PUT /api/v1/messages/{message_id}/undelete", kTrusted},
    {"POST /api/v1/messages/{message_id}/edit", kTrusted},
    // The texts before an edit: moderation (see the deleted and edited content test below).
    {"GET /api/v1/messages/{message_id}/history", kTrusted},
    {"POST /api/v1/messages/{message_id}/emoji", kCaller},
    {"POST /api/v1/text_labels", kCaller},
    // The flag queue and decisions on it (docs/flag-moderation.md): moderation.
    {"GET /api/v1/moderation/flagged", kTrusted},
    {"POST /api/v1/moderation/flagged/{message_id}", kTrusted},
    // The data explorer: everyone who may read messages.
    {"GET /api/v1/explorer/trees", kCaller},
    {"GET /api/v1/explorer/search", kCaller},
    {"GET /api/v1/explorer/messages/{message_id}", kCaller},
    // Datasets: admins; the download checks its signed link instead of the caller, so the
    // placeholder link is refused with 403 for everyone (see the datasets test).
    {"GET /api/v1/admin/datasets", kAdmin},
    {"GET /api/v1/admin/export", kAdmin},
    {"POST /api/v1/admin/export/links", kAdmin},
    {"GET /api/v1/export/download", kForgedLink},
    {"GET /api/v1/text_labels/valid_labels", kCaller},
    {"GET /api/v1/text_labels/report_labels", kCaller},
    {"GET /api/v1/admin/config", kAdmin},
    {"PUT /api/v1/admin/config", kAdmin},
    {"GET /api/v1/leaderboards/{frame}", kCaller},
    {"GET /api/v1/users/{user_id}/stats", kCaller},
    {"GET /api/v1/users/{user_id}/stats/{frame}/window", kCaller},
    // A user's own ledger, activity and contributions: the placeholder id is nobody's own, so
    // only moderators and trusted clients get through.
    {"GET /api/v1/users/{user_id}/ledger", kTrusted},
    {"GET /api/v1/users/{user_id}/activity", kTrusted},
    {"GET /api/v1/users/{user_id}/contributions", kTrusted},
    {"GET /api/v1/trollboards/{frame}", kTrusted},
    {"GET /api/v1/news", kCaller},
    // The public widgets' data (docs/embedding.md): anyone, with or without a key.
    {"GET /api/v1/public/leaderboards/{frame}", kPublic},
    {"GET /api/v1/public/news", kPublic},
    {"GET /api/v1/public/events/{event}/leaderboard", kPublic},
    {"GET /api/v1/stats", kCaller},
    {"GET /api/v1/prizes", kCaller},
    // People (docs/moderation.md): moderators; roles are for admins, which the handler checks.
    {"GET /api/v1/moderation/users", kTrusted},
    {"GET /api/v1/moderation/users/{user_id}", kTrusted},
    {"PUT /api/v1/moderation/users/{user_id}", kTrusted},
    {"POST /api/v1/moderation/users/{user_id}/notes", kTrusted},
    {"GET /api/v1/moderation/users/{user_id}/purge", kTrusted},
    {"POST /api/v1/moderation/users/{user_id}/purge", kTrusted},
    {"GET /api/v1/moderation/status", kTrusted},
    {"GET /api/v1/admin/config/details", kAdmin},
    // Frontends' API keys and the audit log: admins only.
    {"GET /api/v1/admin/api_clients", kAdmin},
    {"POST /api/v1/admin/api_clients", kAdmin},
    {"PUT /api/v1/admin/api_clients/{client_id}", kAdmin},
    {"POST /api/v1/admin/api_clients/{client_id}/rotate", kAdmin},
    {"GET /api/v1/admin/audit", kAdmin},
    {"GET /api/v1/admin/audit/verify", kAdmin},
    {"POST /api/v1/admin/prizes", kAdmin},
    {"PUT /api/v1/admin/prizes/{prize_id}", kAdmin},
    {"DELETE /api/v1/admin/prizes/{prize_id}", kAdmin},
};

// Calls that end the caller's session or account get a session of their own, and deleting
// the account comes last.
bool ends_session(const std::string& route) {
    return route == "POST /api/v1/auth/logout" || route == "POST /api/v1/auth/logout_all" ||
           route == "DELETE /api/v1/auth/me" || route == "POST /api/v1/auth/claim";
}

struct World {
    orchard::test::TempDir dir;
    std::string untrusted_key = orchard::test::create_api_key(dir.path(), false);
    std::string trusted_key = orchard::test::create_api_key(dir.path(), true);
    orchard::test::TestServer server{dir.path(), {"--quiet"}};
    httplib::Client http{server.base_url()};

    World() {
        for (const auto& [name, role] :
             {std::pair{"moderator", "moderator"}, std::pair{"admin", "admin"}})
            REQUIRE(orchard::test::add_user(dir.path(), name, role, "matrix password"));
        REQUIRE(post("/api/v1/auth/register",
                     {{"username", "contributor"}, {"password", "matrix password"}}, "")
                    ->status == 201);
        // No rate limit may decide a row of the matrix (every placeholder sign-in fails).
        orchard::test::Frontend admin(server.base_url(), trusted_key);
        REQUIRE(admin
                    .put("/api/v1/admin/config", {{"task_requests_per_user", 100000},
                                                  {"sign_in_failures_per_account", 1000},
                                                  {"new_accounts_per_address", 100000}})
                    .status == 200);
        // The disabled user exists (first sight) and is then disabled.
        orchard::test::Frontend untrusted(server.base_url(), untrusted_key);
        REQUIRE(untrusted.request_task("disabled-user", "initial_prompt").status == 200);
        orchard::test::execute_sql(dir.path(), "UPDATE users SET enabled = 0 WHERE external_id = "
                                               "'disabled-user'");
    }

    httplib::Result post(const std::string& path, const json& body, const std::string& token) {
        httplib::Headers headers;
        if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
        return http.Post(path, headers, body.dump(), "application/json");
    }

    // A fresh session of `who` whose terms are accepted; "" for callers without one.
    std::string session(Who who) {
        std::string token;
        if (who == Guest) {
            token = json::parse(post("/api/v1/auth/guest", {{"display_name", "Guest"}}, "")->body)
                        .value("token", "");
        } else if (who == Contributor || who == Moderator || who == Admin) {
            auto answer = post("/api/v1/auth/login",
                               {{"username", kWhoNames[who]}, {"password", "matrix password"}}, "");
            token = json::parse(answer->body).value("token", "");
        } else {
            return "";
        }
        post("/api/v1/auth/accept_terms", json::object(), token);
        return token;
    }

    int call(const std::string& method, const std::string& pattern, Who who,
             const std::string& token) {
        const std::string path = std::regex_replace(pattern, std::regex(R"(\{[a-z_]+\})"),
                                                    "00000000-0000-4000-8000-000000000000");
        const httplib::Result result = fetch(method, path, who, token);
        const int status = result->status;
        const bool refused = status == 401 || status == 403 ||
                             (status == 503 && result->body.find("4001") != std::string::npos);
        return refused ? status : A;
    }

    // `path` called as `who` (with `token`, their session if they have one).
    httplib::Result fetch(const std::string& method, const std::string& path, Who who,
                          const std::string& token, json body = json::object()) {
        httplib::Headers headers;
        if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
        if (who == UntrustedKey || who == TrustedKey || who == Disabled) {
            headers.emplace("X-API-Key", who == TrustedKey ? trusted_key : untrusted_key);
            const std::string user = who == Disabled ? "disabled-user" : "matrix-user";
            headers.emplace("x-oasst-user", "local:" + user);
            body["user"] = orchard::test::Frontend::user(user);
        }
        auto send = [&]() -> httplib::Result {
            if (method == "GET") return http.Get(path, headers);
            if (method == "DELETE") return http.Delete(path, headers);
            if (method == "PUT") return http.Put(path, headers, body.dump(), "application/json");
            return http.Post(path, headers, body.dump(), "application/json");
        };
        httplib::Result result = send();
        REQUIRE(result);
        return result;
    }
};

} // namespace

TEST_CASE("authorization matrix: every route, every kind of caller") {
    // The routes as the server has them: a route missing from the matrix fails here.
    std::vector<std::pair<std::string, std::string>> routes;
    for (const auto& route : orchard::test::server_routes()) {
        const std::string name = route.name();
        INFO("route " << name << " has no row in the authorization matrix");
        CHECK(kMatrix.contains(name));
        routes.emplace_back(route.method, route.pattern);
    }
    CHECK(routes.size() == kMatrix.size());
    // Calls that end sessions come after all others (signing out everywhere ends the shared
    // session too), and deleting the account comes last.
    std::stable_partition(routes.begin(), routes.end(), [](const auto& route) {
        return !ends_session(route.first + " " + route.second);
    });
    std::stable_partition(routes.begin(), routes.end(), [](const auto& route) {
        return route.first + " " + route.second != "DELETE /api/v1/auth/me";
    });

    World world;
    for (int w = 0; w < kWho; ++w) {
        const Who who = static_cast<Who>(w);
        const std::string shared = world.session(who);
        for (const auto& [method, pattern] : routes) {
            const std::string name = method + " " + pattern;
            if (!kMatrix.contains(name)) continue;
            const std::string token = ends_session(name) ? world.session(who) : shared;
            const int expected = kMatrix.at(name)[static_cast<size_t>(w)];
            INFO(name << " as " << kWhoNames[w]);
            CHECK(world.call(method, pattern, who, token) == expected);
        }
    }
}

namespace {

// Statuses of reading deleted or edited content, per kind of caller.
const Row kShown = {403, 200, 200, 200, 200, 200, 200, 503};
const Row kHiddenFromNonModerators = {403, 404, 404, 200, 200, 404, 200, 503};
// Labelling answers 204 (nothing), or 404 where the message is not to be seen.
const Row kLabelsHiddenFromNonModerators = {403, 404, 404, 204, 204, 404, 204, 503};
const Row kModeratorsOnly = {403, 403, 403, 200, 200, 403, 200, 503};
// Frontend ids are the untrusted key's own: every other caller finds nothing there anyway.
const Row kHiddenFromItsClient = {403, 404, 404, 404, 404, 404, 404, 503};

const std::string kReplyText = "Snake plants and ZZ plants cope well with low light.";
const std::string kOriginalPrompt = "Which houseplants survive a dark north-facing room?";

bool sees_moderated_content(Who who) {
    return who == Moderator || who == Admin || who == TrustedKey;
}

} // namespace

TEST_CASE("authorization matrix: deleted messages and texts before an edit, every kind of caller") {
    World world;
    orchard::test::Frontend app(world.server.base_url(), world.untrusted_key);
    orchard::test::Frontend mod(world.server.base_url(), world.trusted_key);
    // Ada's prompt, accepted after two reviews, and Bob's assistant reply under it.
    REQUIRE(mod.put("/api/v1/admin/config", {{"num_reviews_initial_prompt", 2}}).status == 200);
    const auto task = app.request_task("ada", "initial_prompt");
    REQUIRE(app.ack("ada", task.body["id"], "fe-prompt").status == 204);
    const auto prompt = app.interaction("ada", {{"type", "text_reply_to_message"},
                                                {"message_id", "fe-prompt"},
                                                {"user_message_id", "matrix-prompt"},
                                                {"text", kOriginalPrompt}});
    REQUIRE(prompt.status == 200);
    const std::string prompt_id = prompt.body["id"];
    for (const char* labeler : {"bob", "cy"})
        REQUIRE(orchard::test::do_one_task(app, labeler, "label_initial_prompt") ==
                "label_initial_prompt");
    const auto reply_task = app.request_task("bob", "assistant_reply");
    REQUIRE(reply_task.status == 200);
    REQUIRE(app.ack("bob", reply_task.body["id"], "fe-reply").status == 204);
    const auto reply = app.interaction("bob", {{"type", "text_reply_to_message"},
                                               {"message_id", "fe-reply"},
                                               {"user_message_id", "matrix-reply"},
                                               {"text", kReplyText}});
    REQUIRE(reply.status == 200);
    const std::string reply_id = reply.body["id"];
    // A moderator rewords the prompt and deletes the reply.
    REQUIRE(mod.post("/api/v1/messages/" + prompt_id + "/edit",
                     {{"user", orchard::test::Frontend::user("mod")},
                      {"new_content", "Which houseplants cope with little light?"}})
                .status == 204);
    REQUIRE(mod.delete_("/api/v1/messages/" + reply_id).status == 204);

    struct Read {
        std::string method, path;
        Row expected;
        bool moderators_see_secret; // the answer to a moderator holds the hidden text
    };
    const std::vector<Read> reads = {
        {"GET", "/api/v1/messages/" + reply_id, kHiddenFromNonModerators, true},
        {"GET", "/api/v1/messages/" + reply_id + "/conversation", kHiddenFromNonModerators, true},
        {"GET", "/api/v1/messages/" + reply_id + "/tree", kHiddenFromNonModerators, true},
        {"GET", "/api/v1/messages/" + reply_id + "/children", kHiddenFromNonModerators, false},
        {"GET", "/api/v1/messages/" + reply_id + "/tree/state", kHiddenFromNonModerators, false},
        {"GET", "/api/v1/text_labels/valid_labels?message_id=" + reply_id, kHiddenFromNonModerators,
         false},
        {"POST", "/api/v1/messages/" + reply_id + "/emoji", kHiddenFromNonModerators, true},
        {"POST", "/api/v1/text_labels", kLabelsHiddenFromNonModerators, false},
        // The live prompt's tree is there for everyone, without the deleted reply.
        {"GET", "/api/v1/messages/" + prompt_id + "/tree", kShown, true},
        {"GET", "/api/v1/messages/" + prompt_id + "/conversation", kShown, false},
        {"GET", "/api/v1/messages/" + prompt_id + "/children", kShown, false},
        {"GET", "/api/v1/messages/cursor?search_query=plants", kShown, false},
        {"GET", "/api/v1/messages/" + prompt_id + "/history", kModeratorsOnly, true},
        {"GET", "/api/v1/frontend_messages/matrix-reply", kHiddenFromItsClient, false},
        {"GET", "/api/v1/frontend_messages/matrix-reply/conversation", kHiddenFromItsClient, false},
        {"GET", "/api/v1/frontend_messages/matrix-reply/tree", kHiddenFromItsClient, false},
    };
    for (int w = 0; w < kWho; ++w) {
        const Who who = static_cast<Who>(w);
        const std::string token = world.session(who);
        for (const auto& read : reads) {
            INFO(read.method << " " << read.path << " as " << kWhoNames[w]);
            // The emoji route reads op and emoji, the labels route message_id and labels.
            const json body = {{"op", "add"},
                               {"emoji", "+1"},
                               {"message_id", reply_id},
                               {"labels", {{"spam", 1}}}};
            const auto answer = world.fetch(read.method, read.path, who, token, body);
            CHECK(answer->status == read.expected[static_cast<size_t>(w)]);
            const bool has_secret = answer->body.find(kReplyText) != std::string::npos ||
                                    answer->body.find(kOriginalPrompt) != std::string::npos;
            if (sees_moderated_content(who))
                CHECK(has_secret == read.moderators_see_secret);
            else
                CHECK_FALSE(has_secret);
        }
    }
}
