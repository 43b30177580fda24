#include "tests/support/fuzz_world.h"

#include "tests/support/database_query.h"
#include "tests/support/frontend.h"

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace orchard::test {

namespace {

void expect(bool condition, const std::string& what) {
    if (!condition) throw std::runtime_error("fuzz world setup: " + what);
}

// Orchard's own id of a user, for the routes under /api/v1/users/{user_id}.
std::string user_id_of(const std::filesystem::path& data_dir, const std::string& external_id) {
    // (An external id of the fuzz world's own making: no quote in it.)
    const std::string id =
        query_text(data_dir, "SELECT id FROM users WHERE external_id = '" + external_id + "'");
    expect(!id.empty(), "no user " + external_id);
    return id;
}

} // namespace

std::string fuzz_guest_session(const std::string& base_url) {
    httplib::Client http(base_url);
    auto guest =
        http.Post("/api/v1/auth/guest", R"({"display_name":"Fuzz guest"})", "application/json");
    expect(guest && guest->status == 201, "POST /api/v1/auth/guest did not answer 201");
    const std::string session = nlohmann::json::parse(guest->body)["token"];
    auto accepted = http.Post("/api/v1/auth/accept_terms", {{"Authorization", "Bearer " + session}},
                              "{}", "application/json");
    expect(static_cast<bool>(accepted), "POST /api/v1/auth/accept_terms got no answer");
    return session;
}

FuzzWorld::FuzzWorld(std::vector<std::string> server_args)
    : trusted_key(create_api_key(dir.path(), true)),
      untrusted_key(create_api_key(dir.path(), false)), server(dir.path(), std::move(server_args)) {
    Frontend frontend(server.base_url(), trusted_key);
    // No rate limit may stop the fuzzer from reaching the handlers.
    const ApiAnswer configured =
        frontend.put("/api/v1/admin/config", {{"task_requests_per_user", 1000000},
                                              {"task_requests_per_api_client", 100000000},
                                              {"max_pending_tasks_per_user", 10000},
                                              {"new_accounts_per_address", 1000000}});
    expect(configured.status == 200, "PUT /api/v1/admin/config answered " +
                                         std::to_string(configured.status) + " " +
                                         configured.body.dump());
    create_sample_things(frontend, ids);
    ids.user_id = user_id_of(dir.path(), ids.user);
    callers = {trusted_key, untrusted_key, ""};
    renew_session();
}

} // namespace orchard::test
