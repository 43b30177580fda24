// Issue 13, item 3: a field of the wrong JSON type was answered 500 (json::value() / get<>()
// throwing) and logged. For every route that reads a JSON body, each field with each wrong type
// must get 400 with a PROTOCOL.md error object that names the field, and change nothing in the
// database. Requests fit their route otherwise (real ids, a real acked task), so that the type
// is the only thing wrong.
#include "tests/support/api_routes.h"
#include "tests/support/database_digest.h"
#include "tests/support/frontend.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <sqlite3.h>

using nlohmann::json;

namespace {

enum class Kind { Null, Number, String, Bool, Array, Object };

json value_of(Kind kind) {
    switch (kind) {
    case Kind::Null:
        return nullptr;
    case Kind::Number:
        return 3;
    case Kind::String:
        return "text";
    case Kind::Bool:
        return true;
    case Kind::Array:
        return json::array({1});
    case Kind::Object:
        return json{{"a", 1}};
    }
    return nullptr;
}

const char* name_of(Kind kind) {
    static const char* kNames[] = {"null", "number", "string", "bool", "array", "object"};
    return kNames[static_cast<int>(kind)];
}

// Who sends the request: a trusted frontend naming its user in the body, a signed-in account
// with a password, or a guest (who may still claim a username).
enum class As { Frontend, Account, Guest };

struct FieldCase {
    std::string route;                   // "POST /api/v1/messages/{message_id}/emoji"
    std::string field;                   // a JSON pointer into the route's sample body
    Kind accepted;                       // the field's own type
    std::string named;                   // what the error message must contain
    bool null_refused = true;            // false: null means "absent", which may be fine
    json sample_change = json::object(); // merged into the sample first (another interaction)
    As as = As::Frontend;
};

const std::vector<FieldCase>& cases() {
    const json ranking = {
        {"type", "message_ranking"}, {"ranking", {0, 1}}, {"not_rankable", false}};
    const json labels = {{"type", "text_labels"},
                         {"task_id", "00000000-0000-4000-8000-000000000000"},
                         {"labels", {{"spam", 0}}},
                         {"text", "A note."},
                         {"is_report", false}};
    const json rating = {{"type", "message_rating"}, {"rating", 4}};
    static const std::vector<FieldCase> kCases = {
        {"POST /api/v1/tasks", "/type", Kind::String, "type", false},
        {"POST /api/v1/tasks", "/lang", Kind::String, "lang", false},
        {"POST /api/v1/tasks", "/collective", Kind::Bool, "collective", false},
        {"POST /api/v1/tasks", "/user", Kind::Object, "user"},
        {"POST /api/v1/tasks", "/user/id", Kind::String, "id"},
        {"POST /api/v1/tasks", "/user/auth_method", Kind::String, "auth_method"},
        {"POST /api/v1/tasks", "/user/display_name", Kind::String, "display_name", false},
        {"POST /api/v1/tasks/availability", "/id", Kind::String, "id", false},
        {"POST /api/v1/tasks/availability", "/auth_method", Kind::String, "auth_method", false},
        {"POST /api/v1/tasks/availability", "/display_name", Kind::String, "display_name", false},
        {"POST /api/v1/tasks/interaction", "/type", Kind::String, "type"},
        {"POST /api/v1/tasks/interaction", "/message_id", Kind::String, "message_id", false},
        {"POST /api/v1/tasks/interaction", "/user_message_id", Kind::String, "user_message_id",
         false},
        {"POST /api/v1/tasks/interaction", "/text", Kind::String, "text", false},
        {"POST /api/v1/tasks/interaction", "/lang", Kind::String, "lang", false},
        {"POST /api/v1/tasks/interaction", "/user/id", Kind::String, "id"},
        {"POST /api/v1/tasks/interaction", "/ranking", Kind::Array, "ranking", false, ranking},
        {"POST /api/v1/tasks/interaction", "/ranking/0", Kind::Number, "ranking", true, ranking},
        {"POST /api/v1/tasks/interaction", "/not_rankable", Kind::Bool, "not_rankable", false,
         ranking},
        {"POST /api/v1/tasks/interaction", "/task_id", Kind::String, "task_id", false, labels},
        {"POST /api/v1/tasks/interaction", "/labels", Kind::Object, "labels", true, labels},
        {"POST /api/v1/tasks/interaction", "/labels/spam", Kind::Number, "spam", true, labels},
        {"POST /api/v1/tasks/interaction", "/text", Kind::String, "text", false, labels},
        {"POST /api/v1/tasks/interaction", "/is_report", Kind::Bool, "is_report", false, labels},
        {"POST /api/v1/tasks/interaction", "/rating", Kind::Number, "rating", false, rating},
        {"POST /api/v1/tasks/close", "/message_id", Kind::String, "message_id", false},
        {"POST /api/v1/tasks/{task_id}/ack", "/message_id", Kind::String, "message_id"},
        {"POST /api/v1/tasks/{task_id}/nack", "/reason", Kind::String, "reason", false},
        {"POST /api/v1/messages/{message_id}/edit", "/new_content", Kind::String, "new_content",
         false},
        {"POST /api/v1/messages/{message_id}/emoji", "/op", Kind::String, "op", false},
        {"POST /api/v1/messages/{message_id}/emoji", "/emoji", Kind::String, "emoji", false},
        {"POST /api/v1/messages/{message_id}/emoji", "/user/display_name", Kind::String,
         "display_name", false},
        {"POST /api/v1/text_labels", "/message_id", Kind::String, "message_id", false},
        {"POST /api/v1/text_labels", "/labels", Kind::Object, "labels"},
        {"POST /api/v1/text_labels", "/labels/quality", Kind::Number, "quality"},
        {"POST /api/v1/text_labels", "/text", Kind::String, "text", false},
        {"POST /api/v1/text_labels", "/is_report", Kind::Bool, "is_report", false},
        {"PUT /api/v1/admin/config", "/max_active_trees", Kind::Number, "max_active_trees"},
        {"PUT /api/v1/admin/config", "/acceptance_threshold_reply", Kind::Number,
         "acceptance_threshold_reply"},
        {"PUT /api/v1/moderation/users/{user_id}", "/enabled", Kind::Bool, "enabled", false},
        {"PUT /api/v1/moderation/users/{user_id}", "/hidden_from_leaderboards", Kind::Bool,
         "hidden_from_leaderboards", false},
        {"PUT /api/v1/moderation/users/{user_id}", "/role", Kind::String, "role", false},
        {"PUT /api/v1/moderation/users/{user_id}", "/disabled_reason", Kind::String,
         "disabled_reason", false},
        {"POST /api/v1/moderation/users/{user_id}/notes", "/text", Kind::String, "text", false},
        {"POST /api/v1/moderation/users/{user_id}/purge", "/expect_messages", Kind::Number,
         "expect_messages", false},
        {"POST /api/v1/admin/api_clients", "/description", Kind::String, "description", false},
        {"POST /api/v1/admin/api_clients", "/trusted", Kind::Bool, "trusted", false},
        {"POST /api/v1/admin/prizes", "/title", Kind::String, "title"},
        {"POST /api/v1/admin/prizes", "/description", Kind::String, "description", false},
        {"POST /api/v1/admin/prizes", "/time_frame", Kind::String, "time_frame"},
        {"POST /api/v1/admin/prizes", "/starts_at", Kind::String, "starts_at", false},
        {"POST /api/v1/admin/prizes", "/ends_at", Kind::String, "ends_at"},
        {"POST /api/v1/admin/prizes", "/winners_count", Kind::Number, "winners_count"},
        {"PUT /api/v1/admin/prizes/{prize_id}", "/title", Kind::String, "title"},
        {"PUT /api/v1/admin/prizes/{prize_id}", "/winners_count", Kind::Number, "winners_count"},
        {"POST /api/v1/auth/register", "/username", Kind::String, "username", false},
        {"POST /api/v1/auth/register", "/password", Kind::String, "password", false},
        {"POST /api/v1/auth/register", "/display_name", Kind::String, "display_name", false},
        {"POST /api/v1/auth/login", "/username", Kind::String, "username", false},
        {"POST /api/v1/auth/login", "/password", Kind::String, "password", false},
        {"POST /api/v1/auth/guest", "/display_name", Kind::String, "display_name", false},
        {"POST /api/v1/auth/guest", "/event", Kind::String, "event", false},
        {"POST /api/v1/auth/email", "/email", Kind::String, "email", false},
        {"POST /api/v1/auth/email", "/language", Kind::String, "language", false},
        {"POST /api/v1/auth/email/verify", "/token", Kind::String, "token", false},
        {"POST /api/v1/auth/claim", "/username", Kind::String, "username", false, json::object(),
         As::Guest},
        {"POST /api/v1/auth/claim", "/password", Kind::String, "password", false, json::object(),
         As::Guest},
        {"PUT /api/v1/auth/me", "/display_name", Kind::String, "display_name", false,
         json::object(), As::Account},
        {"PUT /api/v1/auth/me", "/show_on_leaderboard", Kind::Bool, "show_on_leaderboard", false,
         json::object(), As::Account},
        {"PUT /api/v1/auth/me", "/password", Kind::String, "password", false, json::object(),
         As::Account},
        {"PUT /api/v1/auth/me", "/current_password", Kind::String, "current_password", false,
         json::object(), As::Account},
    };
    return kCases;
}

struct World {
    orchard::test::TempDir dir;
    std::string key = orchard::test::create_api_key(dir.path(), true);
    orchard::test::TestServer server{dir.path(), {"--quiet"}};
    orchard::test::SampleIds ids;
    httplib::Client http{server.base_url()};
    std::string account_token;
    std::string guest_token;

    World() {
        ids.user = "typed-user";
        orchard::test::Frontend frontend(server.base_url(), key);
        orchard::test::create_sample_things(frontend, ids);
        // An account with a password, for the signed-in routes.
        auto registered =
            http.Post("/api/v1/auth/register",
                      json{{"username", "fuzzed"}, {"password", "a long enough password"}}.dump(),
                      "application/json");
        REQUIRE(registered);
        REQUIRE(registered->status == 201);
        account_token = json::parse(registered->body)["token"];
        auto guest =
            http.Post("/api/v1/auth/guest", R"({"display_name":"Guest"})", "application/json");
        REQUIRE(guest);
        REQUIRE(guest->status == 201);
        guest_token = json::parse(guest->body)["token"];
    }

    httplib::Result send(const orchard::test::ApiRoute& route, const std::string& path,
                         const std::string& body, As as) {
        httplib::Headers headers;
        if (as == As::Account || as == As::Guest)
            headers.emplace("Authorization",
                            "Bearer " + (as == As::Account ? account_token : guest_token));
        else
            headers.emplace("X-API-Key", key);
        if (route.method == "PUT") return http.Put(path, headers, body, "application/json");
        return http.Post(path, headers, body, "application/json");
    }
};

orchard::test::ApiRoute route_named(const std::string& name) {
    const auto space = name.find(' ');
    return {name.substr(0, space), name.substr(space + 1)};
}

// What the answer must be: 400 with an error object whose message contains `named`.
void check_refused(const httplib::Result& result, const std::string& named) {
    REQUIRE(result);
    INFO("answer: " << result->status << " " << result->body);
    CHECK(result->status == 400);
    const json answer = json::parse(result->body, nullptr, false);
    REQUIRE(answer.is_object());
    CHECK(answer["error_code"].is_number_integer());
    REQUIRE(answer["message"].is_string());
    CHECK(answer["message"].get<std::string>().find(named) != std::string::npos);
}

} // namespace

TEST_CASE("wrong JSON types: each field of each route, each wrong type: 400 naming it, "
          "nothing changed") {
    World world;
    const auto database = world.dir.path();
    const auto digest = orchard::test::database_digest(database);
    const auto lines = [&] {
        const std::string output = world.server.output();
        return std::count(output.begin(), output.end(), '\n');
    };
    const auto lines_before = lines();
    for (const auto& field_case : cases()) {
        const auto route = route_named(field_case.route);
        auto sample = orchard::test::sample_request(route, world.ids);
        REQUIRE(sample);
        json body = sample->body;
        body.merge_patch(field_case.sample_change);
        const json::json_pointer pointer(field_case.field);
        REQUIRE(body.contains(pointer.parent_pointer()));
        for (Kind kind :
             {Kind::Null, Kind::Number, Kind::String, Kind::Bool, Kind::Array, Kind::Object}) {
            if (kind == field_case.accepted || (kind == Kind::Null && !field_case.null_refused))
                continue;
            json wrong = body;
            wrong[pointer] = value_of(kind);
            INFO(field_case.route << " with " << field_case.field << " = " << name_of(kind) << ": "
                                  << wrong.dump());
            check_refused(world.send(route, orchard::test::fill_path(route.pattern, sample->path),
                                     wrong.dump(), field_case.as),
                          field_case.named);
            const auto after = orchard::test::database_digest(database);
            INFO("tables changed: " << orchard::test::changed_tables(digest, after));
            CHECK(after == digest);
        }
    }
    // Refused input is the caller's error: nothing reaches the server's logs.
    CHECK(lines() == lines_before);
}

TEST_CASE("wrong JSON types: a body that is not an object is refused on every route that reads "
          "one") {
    World world;
    const auto database = world.dir.path();
    const auto digest = orchard::test::database_digest(database);
    for (const auto& route : orchard::test::server_routes()) {
        const auto sample = orchard::test::sample_request(route, world.ids);
        REQUIRE(sample);
        if (!sample->body.is_object() || sample->body.empty()) continue;
        const As as = route.pattern.starts_with("/api/v1/auth/") ? As::Account : As::Frontend;
        for (const char* body : {"null", "3", "\"text\"", "true", "[]", "[{\"user\":{}}]"}) {
            INFO(route.name() << " with the body " << body);
            const auto result =
                world.send(route, orchard::test::fill_path(route.pattern, sample->path), body, as);
            check_refused(result, "JSON object");
            CHECK(orchard::test::database_digest(database) == digest);
        }
    }
}

TEST_CASE("wrong types in queries and headers: 400 naming them") {
    World world;
    httplib::Headers headers{{"X-API-Key", world.key}, {"x-oasst-user", "local:typed-user"}};
    for (const auto& [path, named] : std::vector<std::pair<std::string, std::string>>{
             {"/api/v1/messages/cursor?max_count=ten", "max_count"},
             {"/api/v1/messages/cursor?max_count=99999999999999999999", "max_count"},
             {"/api/v1/messages/cursor?search_query=a%00b", "search_query"},
             {"/api/v1/messages/cursor?search_query=%FF%FE", "search_query"},
             {"/api/v1/leaderboards/week?max_count=-1", "max_count"},
             {"/api/v1/news?after=x", "after"},
             {"/api/v1/public/leaderboards/week?max_count=1000", "max_count"},
             {"/api/v1/public/news?max_count=x", "max_count"},
             {"/api/v1/public/events/spring-fair/leaderboard?max_count=0", "max_count"},
             {"/api/v1/public/events/Spring%20Fair/leaderboard", "event"}}) {
        INFO(path);
        check_refused(world.http.Get(path, headers), named);
    }
    INFO("halt must be true or false");
    check_refused(
        world.http.Put("/api/v1/messages/" + world.ids.message_id + "/tree/state?halt=maybe",
                       headers, "", "application/json"),
        "halt");
    // A user id that is not UTF-8 could not be shown back in any JSON answer.
    httplib::Headers not_utf8{{"X-API-Key", world.key}, {"x-oasst-user", "local:\xFF\xFE"}};
    check_refused(world.http.Get("/api/v1/messages/" + world.ids.message_id, not_utf8),
                  "x-oasst-user");
}
