// Every API route, as the server's own router lists them, and a request that fits each one.
// Tests that must cover every route (the authorization matrix, the fuzzer, the wrong-types test)
// take the list from here, so that a new route without a sample fails them instead of going
// untested.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace orchard::test {

struct ApiRoute {
    std::string method;
    std::string pattern; // e.g. "/api/v1/messages/{message_id}/emoji"
    std::string name() const { return method + " " + pattern; }
};

// The routes of a server built on a scratch database, in the router's order.
std::vector<ApiRoute> server_routes();

// Ids of real things in a test's database, for path parameters and bodies.
struct SampleIds {
    std::string message_id;          // a message by someone other than `user`
    std::string frontend_message_id; // that message's frontend id
    std::string task_id;             // a task of `user`
    std::string task_frontend_id;    // the id `user` acked that task with
    std::string user_id;             // Orchard's id of `user`
    std::string prize_id;
    std::string user = "fuzz-user"; // the frontend's id of the user the requests name
};

class Frontend;

// Makes the things `ids` names, through the API with a trusted frontend: a prompt by another
// user, a task of `ids.user` acked (so that interactions get past every lookup to their fields),
// a prize; and looks up `ids.user`'s Orchard id. Throws when the server refuses a step.
void create_sample_things(Frontend& frontend, SampleIds& ids);

// A request that fits the route: its path parameters, query and body (null: no body).
struct RouteSample {
    std::map<std::string, std::string> path;
    std::map<std::string, std::string> query;
    nlohmann::json body;
};

// nullopt for a route this file does not know: the caller fails, so every route gets one.
std::optional<RouteSample> sample_request(const ApiRoute& route, const SampleIds& ids);

// The pattern with each {parameter} replaced by its value, as given (already encoded).
std::string fill_path(const std::string& pattern, const std::map<std::string, std::string>& path);

} // namespace orchard::test
