#include "tests/support/api_routes.h"

#include "server/server_app.h"
#include "tests/support/frontend.h"
#include "tests/support/temp_dir.h"

#include <functional>
#include <stdexcept>

namespace orchard::test {

using nlohmann::json;

namespace {

// Throws rather than using Catch's REQUIRE: benchmarks (the soak) set up the same things outside
// any test case, where Catch has no test to fail.
void expect(const ApiAnswer& answer, int status, const std::string& what) {
    if (answer.status != status)
        throw std::runtime_error("create_sample_things: " + what + " answered " +
                                 std::to_string(answer.status) + " " + answer.body.dump());
}

} // namespace

void create_sample_things(Frontend& frontend, SampleIds& ids) {
    const std::string author = ids.user + "-author";
    const auto prompt_task = frontend.request_task(author, "initial_prompt");
    expect(prompt_task, 200, "the author's task request");
    expect(frontend.ack(author, prompt_task.body["id"], author + "-task"), 204, "the author's ack");
    const auto prompt = frontend.interaction(author, {{"type", "text_reply_to_message"},
                                                      {"message_id", author + "-task"},
                                                      {"user_message_id", author + "-prompt"},
                                                      {"text", "Why is the sky blue?"},
                                                      {"lang", "en"}});
    expect(prompt, 200, "the prompt");
    ids.message_id = prompt.body["id"];
    ids.frontend_message_id = author + "-prompt";
    const auto task = frontend.request_task(ids.user, "initial_prompt");
    expect(task, 200, "the user's task request");
    ids.task_id = task.body["id"];
    ids.task_frontend_id = ids.user + "-task";
    expect(frontend.ack(ids.user, ids.task_id, ids.task_frontend_id), 204, "the user's ack");
    const auto prize = frontend.post("/api/v1/admin/prizes", {{"title", "A prize"},
                                                              {"time_frame", "week"},
                                                              {"ends_at", "2030-01-08T00:00:00Z"},
                                                              {"winners_count", 3}});
    expect(prize, 201, "the prize");
    ids.prize_id = prize.body["id"];
    // Found as a moderator finds people: by the frontend's id for them.
    const auto people = frontend.get("/api/v1/moderation/users?search=" + ids.user);
    expect(people, 200, "the user's search");
    for (const auto& person : people.body["items"])
        if (person["external_id"] == ids.user) ids.user_id = person["id"];
    if (ids.user_id.empty())
        throw std::runtime_error("create_sample_things: the search did not find " + ids.user);
}

std::vector<ApiRoute> server_routes() {
    TempDir scratch;
    ServerApp app({.data_dir = scratch.path(), .public_dir = scratch.path()});
    std::vector<ApiRoute> routes;
    for (const auto& route : app.router().routes())
        routes.push_back({route.method, route.pattern});
    return routes;
}

namespace {

json user_of(const SampleIds& ids) {
    return {{"id", ids.user}, {"display_name", "User " + ids.user}, {"auth_method", "local"}};
}

json with_user(json body, const SampleIds& ids) {
    body["user"] = user_of(ids);
    return body;
}

using Make = std::function<RouteSample(const SampleIds&)>;

RouteSample body_only(json body) {
    return {{}, {}, std::move(body)};
}

// One entry per route; the path parameters are filled in by sample_request.
const std::map<std::string, Make>& samples() {
    static const std::map<std::string, Make> kSamples = {
        {"GET /api/v1/health", [](const SampleIds&) { return RouteSample{}; }},
        {"POST /api/v1/client_errors",
         [](const SampleIds&) {
             return body_only({{"message", "RuntimeError: memory access out of bounds"},
                               {"stack", "at frame (orchard.wasm)"},
                               {"url", "http://127.0.0.1/#/tasks"},
                               {"client_version", "0.1.0"}});
         }},
        {"POST /api/v1/auth/register",
         [](const SampleIds&) {
             return body_only({{"username", "fuzzed"},
                               {"display_name", "Fuzzed"},
                               {"password", "a long enough password"}});
         }},
        {"POST /api/v1/auth/login",
         [](const SampleIds&) {
             return body_only({{"username", "fuzzed"}, {"password", "a long enough password"}});
         }},
        {"POST /api/v1/auth/guest",
         [](const SampleIds&) {
             return body_only({{"display_name", "Guest"}});
         }},
        {"POST /api/v1/auth/email",
         [](const SampleIds&) {
             return body_only({{"email", "someone@example.org"}, {"language", "de"}});
         }},
        {"POST /api/v1/auth/email/verify",
         [](const SampleIds&) {
             return body_only({{"token", "not-a-real-token"}});
         }},
        {"GET /api/v1/auth/providers", [](const SampleIds&) { return RouteSample{}; }},
        {"GET /api/v1/auth/oauth/{provider}/start",
         [](const SampleIds&) {
             return RouteSample{{}, {{"return_to", "/"}}, nullptr};
         }},
        {"GET /api/v1/auth/oauth/{provider}/callback",
         [](const SampleIds&) {
             return RouteSample{{}, {{"state", "s"}, {"code", "c"}}, nullptr};
         }},
        {"POST /api/v1/auth/claim",
         [](const SampleIds&) {
             return body_only({{"username", "claimed"}, {"password", "a long enough password"}});
         }},
        {"GET /api/v1/auth/me", [](const SampleIds&) { return RouteSample{}; }},
        {"PUT /api/v1/auth/me",
         [](const SampleIds&) {
             return body_only({{"display_name", "Renamed"},
                               {"show_on_leaderboard", true},
                               {"password", "another long password"},
                               {"current_password", "a long enough password"}});
         }},
        {"DELETE /api/v1/auth/me", [](const SampleIds&) { return RouteSample{}; }},
        {"POST /api/v1/auth/accept_terms",
         [](const SampleIds&) { return body_only(json::object()); }},
        {"POST /api/v1/auth/logout", [](const SampleIds&) { return body_only(json::object()); }},
        {"POST /api/v1/auth/logout_all",
         [](const SampleIds&) { return body_only(json::object()); }},
        {"POST /api/v1/tasks",
         [](const SampleIds& ids) {
             return body_only(with_user(
                 {{"type", "initial_prompt"}, {"lang", "en"}, {"collective", false}}, ids));
         }},
        {"POST /api/v1/tasks/availability",
         [](const SampleIds& ids) {
             return RouteSample{{}, {{"lang", "en"}}, user_of(ids)};
         }},
        {"POST /api/v1/tasks/interaction",
         [](const SampleIds& ids) {
             return body_only(with_user({{"type", "text_reply_to_message"},
                                         {"message_id", ids.task_frontend_id},
                                         {"user_message_id", "fuzz-reply"},
                                         {"text", "A reply written by the fuzzer."},
                                         {"lang", "en"}},
                                        ids));
         }},
        {"POST /api/v1/tasks/close",
         [](const SampleIds& ids) {
             return body_only(with_user({{"message_id", ids.task_frontend_id}}, ids));
         }},
        {"POST /api/v1/tasks/{task_id}/ack",
         [](const SampleIds& ids) {
             return body_only(with_user({{"message_id", ids.task_frontend_id}}, ids));
         }},
        {"POST /api/v1/tasks/{task_id}/nack",
         [](const SampleIds& ids) {
             return body_only(with_user({{"reason", "skip"}}, ids));
         }},
        {"GET /api/v1/messages/cursor",
         [](const SampleIds&) {
             return RouteSample{
                 {}, {{"search_query", "reply"}, {"max_count", "10"}, {"before", "0"}}, nullptr};
         }},
        {"GET /api/v1/messages/{message_id}", [](const SampleIds&) { return RouteSample{}; }},
        {"GET /api/v1/messages/{message_id}/conversation",
         [](const SampleIds&) { return RouteSample{}; }},
        {"GET /api/v1/messages/{message_id}/tree", [](const SampleIds&) { return RouteSample{}; }},
        {"GET /api/v1/messages/{message_id}/children",
         [](const SampleIds&) { return RouteSample{}; }},
        {"GET /api/v1/frontend_messages/{frontend_message_id}",
         [](const SampleIds&) { return RouteSample{}; }},
        {"GET /api/v1/frontend_messages/{frontend_message_id}/conversation",
         [](const SampleIds&) { return RouteSample{}; }},
        {"GET /api/v1/frontend_messages/{frontend_message_id}/tree",
         [](const SampleIds&) { return RouteSample{}; }},
        {"GET /api/v1/frontend_messages/{frontend_message_id}/children",
         [](const SampleIds&) { return RouteSample{}; }},
        {"GET /api/v1/messages/{message_id}/tree/state",
         [](const SampleIds&) { return RouteSample{}; }},
        {"PUT /api/v1/messages/{message_id}/tree/state",
         [](const SampleIds&) {
             return RouteSample{{}, {{"halt", "false"}}, nullptr};
         }},
        {"DELETE /api/v1/messages/{message_id}", [](const SampleIds&) { return RouteSample{}; }},
        {"PUT /api/v1/messages/{message_id}/undelete",
         [](const SampleIds&) { return RouteSample{}; }},
        {"POST /api/v1/messages/{message_id}/edit",
         [](const SampleIds& ids) {
             return body_only(with_user({{"new_content", "An edited text."}}, ids));
         }},
        {"GET /api/v1/messages/{message_id}/history",
         [](const SampleIds&) { return RouteSample{}; }},
        {"POST /api/v1/messages/{message_id}/emoji",
         [](const SampleIds& ids) {
             return body_only(with_user({{"op", "add"}, {"emoji", "+1"}}, ids));
         }},
        {"POST /api/v1/text_labels",
         [](const SampleIds& ids) {
             return body_only(with_user({{"message_id", ids.message_id},
                                         {"labels", {{"spam", 0.0}, {"quality", 0.75}}},
                                         {"text", "A comment."},
                                         {"is_report", false}},
                                        ids));
         }},
        {"GET /api/v1/text_labels/valid_labels",
         [](const SampleIds& ids) {
             return RouteSample{{}, {{"message_id", ids.message_id}}, nullptr};
         }},
        {"GET /api/v1/text_labels/report_labels", [](const SampleIds&) { return RouteSample{}; }},
        {"GET /api/v1/explorer/trees",
         [](const SampleIds&) {
             return RouteSample{{}, {{"lang", "en"}, {"max_count", "5"}}, nullptr};
         }},
        {"GET /api/v1/explorer/search",
         [](const SampleIds&) {
             return RouteSample{{}, {{"q", "sky blue"}, {"max_count", "5"}}, nullptr};
         }},
        {"GET /api/v1/explorer/messages/{message_id}",
         [](const SampleIds&) { return RouteSample{}; }},
        {"GET /api/v1/admin/datasets", [](const SampleIds&) { return RouteSample{}; }},
        {"GET /api/v1/admin/export",
         [](const SampleIds&) {
             return RouteSample{{}, {{"format", "sft"}, {"lang", "en"}}, nullptr};
         }},
        {"POST /api/v1/admin/export/links",
         [](const SampleIds& ids) {
             return body_only(with_user({{"format", "labels"}, {"lang", "en"}}, ids));
         }},
        {"GET /api/v1/export/download",
         [](const SampleIds&) {
             return RouteSample{{}, {{"link", "not-a-signed-link"}}, nullptr};
         }},
        {"GET /api/v1/moderation/flagged",
         [](const SampleIds&) {
             return RouteSample{{}, {{"state", "all"}, {"max_count", "20"}}, nullptr};
         }},
        {"POST /api/v1/moderation/flagged/{message_id}",
         [](const SampleIds& ids) {
             return body_only(with_user({{"decision", "keep"}}, ids));
         }},
        {"GET /api/v1/moderation/users",
         [](const SampleIds&) {
             return RouteSample{{}, {{"search", "fuzz"}, {"max_count", "20"}}, nullptr};
         }},
        {"GET /api/v1/moderation/users/{user_id}", [](const SampleIds&) { return RouteSample{}; }},
        // Lifting a ban that is not there and showing who is shown: allowed on anyone, the
        // caller's own user included.
        {"PUT /api/v1/moderation/users/{user_id}",
         [](const SampleIds&) {
             return body_only({{"enabled", true}, {"hidden_from_leaderboards", false}});
         }},
        {"POST /api/v1/moderation/users/{user_id}/notes",
         [](const SampleIds&) {
             return body_only({{"text", "Checked their prompts: fine."}});
         }},
        {"GET /api/v1/moderation/users/{user_id}/purge",
         [](const SampleIds&) { return RouteSample{}; }},
        // A count no preview showed: refused (409) and nothing purged, whoever is named.
        {"POST /api/v1/moderation/users/{user_id}/purge",
         [](const SampleIds&) {
             return body_only({{"expect_messages", 999999}});
         }},
        {"GET /api/v1/admin/api_clients", [](const SampleIds&) { return RouteSample{}; }},
        {"POST /api/v1/admin/api_clients",
         [](const SampleIds&) {
             return body_only({{"description", "A chat bot"}, {"trusted", false}});
         }},
        // An id no client has: 404, so that the fuzzer does not disable the keys it calls with.
        {"PUT /api/v1/admin/api_clients/{client_id}",
         [](const SampleIds&) {
             return body_only({{"description", "A renamed bot"}, {"enabled", true}});
         }},
        {"POST /api/v1/admin/api_clients/{client_id}/rotate",
         [](const SampleIds&) { return RouteSample{}; }},
        {"GET /api/v1/admin/audit",
         [](const SampleIds&) {
             return RouteSample{{}, {{"action", "message.delete"}, {"max_count", "20"}}, nullptr};
         }},
        {"GET /api/v1/admin/audit/verify", [](const SampleIds&) { return RouteSample{}; }},
        {"GET /api/v1/admin/config", [](const SampleIds&) { return RouteSample{}; }},
        {"GET /api/v1/admin/config/details", [](const SampleIds&) { return RouteSample{}; }},
        {"GET /api/v1/moderation/status", [](const SampleIds&) { return RouteSample{}; }},
        {"PUT /api/v1/admin/config",
         [](const SampleIds&) {
             return body_only({{"max_active_trees", 10}, {"acceptance_threshold_reply", 0.6}});
         }},
        {"GET /api/v1/leaderboards/{frame}",
         [](const SampleIds&) {
             return RouteSample{{}, {{"max_count", "10"}, {"offset", "0"}}, nullptr};
         }},
        {"GET /api/v1/users/{user_id}/stats", [](const SampleIds&) { return RouteSample{}; }},
        {"GET /api/v1/users/{user_id}/stats/{frame}/window",
         [](const SampleIds&) {
             return RouteSample{{}, {{"window_size", "5"}}, nullptr};
         }},
        {"GET /api/v1/users/{user_id}/ledger",
         [](const SampleIds&) {
             return RouteSample{{}, {{"before", ""}, {"max_count", "20"}}, nullptr};
         }},
        {"GET /api/v1/users/{user_id}/activity",
         [](const SampleIds&) {
             return RouteSample{{}, {{"days", "30"}}, nullptr};
         }},
        {"GET /api/v1/users/{user_id}/contributions",
         [](const SampleIds&) {
             return RouteSample{{}, {{"before", ""}, {"max_count", "20"}}, nullptr};
         }},
        {"GET /api/v1/trollboards/{frame}",
         [](const SampleIds&) {
             return RouteSample{{}, {{"max_count", "10"}}, nullptr};
         }},
        {"GET /api/v1/news",
         [](const SampleIds&) {
             return RouteSample{{}, {{"after", "0"}, {"max_count", "20"}}, nullptr};
         }},
        {"GET /api/v1/public/leaderboards/{frame}",
         [](const SampleIds&) {
             return RouteSample{{}, {{"max_count", "10"}}, nullptr};
         }},
        {"GET /api/v1/public/events/{event}/leaderboard",
         [](const SampleIds&) {
             return RouteSample{{}, {{"max_count", "10"}}, nullptr};
         }},
        {"GET /api/v1/public/news",
         [](const SampleIds&) {
             return RouteSample{{}, {{"after", "0"}, {"max_count", "10"}}, nullptr};
         }},
        {"GET /api/v1/stats", [](const SampleIds&) { return RouteSample{}; }},
        {"GET /api/v1/prizes", [](const SampleIds&) { return RouteSample{}; }},
        {"POST /api/v1/admin/prizes",
         [](const SampleIds&) {
             return body_only({{"title", "A prize"},
                               {"description", "For the best."},
                               {"time_frame", "week"},
                               {"starts_at", "2030-01-01T00:00:00Z"},
                               {"ends_at", "2030-01-08T00:00:00Z"},
                               {"winners_count", 3}});
         }},
        {"PUT /api/v1/admin/prizes/{prize_id}",
         [](const SampleIds&) {
             return body_only({{"title", "A changed prize"},
                               {"description", "For the best."},
                               {"time_frame", "month"},
                               {"ends_at", "2030-02-01T00:00:00Z"},
                               {"winners_count", 2}});
         }},
        {"DELETE /api/v1/admin/prizes/{prize_id}", [](const SampleIds&) { return RouteSample{}; }},
    };
    return kSamples;
}

std::string path_value(const std::string& parameter, const SampleIds& ids) {
    if (parameter == "message_id") return ids.message_id;
    if (parameter == "frontend_message_id") return ids.frontend_message_id;
    if (parameter == "task_id") return ids.task_id;
    if (parameter == "user_id") return ids.user_id;
    if (parameter == "prize_id") return ids.prize_id;
    if (parameter == "frame") return "week";
    if (parameter == "provider") return "github";
    if (parameter == "event") return "spring-fair";
    return "00000000-0000-4000-8000-000000000000";
}

} // namespace

std::optional<RouteSample> sample_request(const ApiRoute& route, const SampleIds& ids) {
    const auto found = samples().find(route.name());
    if (found == samples().end()) return std::nullopt;
    RouteSample sample = found->second(ids);
    // Every {parameter} of the pattern gets its real id.
    for (size_t open = route.pattern.find('{'); open != std::string::npos;
         open = route.pattern.find('{', open + 1)) {
        const size_t close = route.pattern.find('}', open);
        const std::string parameter = route.pattern.substr(open + 1, close - open - 1);
        sample.path[parameter] = path_value(parameter, ids);
    }
    return sample;
}

std::string fill_path(const std::string& pattern, const std::map<std::string, std::string>& path) {
    std::string filled;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '{') {
            filled.push_back(pattern[i]);
            continue;
        }
        const size_t close = pattern.find('}', i);
        const auto value = path.find(pattern.substr(i + 1, close - i - 1));
        if (value != path.end()) filled += value->second;
        i = close;
    }
    return filled;
}

} // namespace orchard::test
