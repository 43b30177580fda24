// What the API keeps from one request to the next, one set per server: the database, the sign-in
// options, the writer's random generator and the answers and logs that outlive a request. Every
// handler reaches it through its Call (call.h).
#pragma once

#include "server/api/answer_cache.h"
#include "server/api/auth_options.h"
#include "server/http/request_log.h"
#include "server/store/database.h"

#include <cstdint>
#include <random>
#include <utility>

namespace orchard::api {

struct ApiServices {
    ApiServices(store::Database& database_, AuthOptions auth_, std::uint64_t seed)
        : database(database_), auth(std::move(auth_)),
          writer_rng(seed != 0 ? seed : std::random_device{}()) {}

    store::Database& database;
    AuthOptions auth;
    // Task choices of writing calls; used only inside Database::write, which runs one work at a
    // time. `seed` (tests) makes them reproducible.
    std::mt19937_64 writer_rng;
    AnswerCache leaderboards;         // the most read answer of all (rewards_routes.cpp)
    http::ErrorLog client_errors{20}; // crash reports of browser clients
};

} // namespace orchard::api
