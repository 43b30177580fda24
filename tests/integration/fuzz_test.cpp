// A mutation fuzzer over every API route of the real server: requests that fit a route (from
// tests/support/api_routes.h), damaged by tests/support/json_mutations.h in their body, query,
// path ids and headers, sent as several kinds of caller. Whatever a caller sends, the server must
// answer with a status below 500 (503 only for the refusals PROTOCOL.md gives it), in the error
// shape, on a connection that stays up — and, under --quiet, without writing to its logs.
//
// Bounded in time: ORCHARD_FUZZ_SECONDS (default 60) and ORCHARD_FUZZ_REQUESTS (default no
// limit). The seed is printed; ORCHARD_FUZZ_SEED replays a run.
#include "tests/support/api_routes.h"
#include "tests/support/frontend.h"
#include "tests/support/json_mutations.h"
#include "tests/support/raw_http.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <sqlite3.h>
#include <string_view>

using nlohmann::json;
using orchard::test::ApiRoute;
using orchard::test::RawConnection;

namespace {

std::uint64_t env_number(const char* name, std::uint64_t fallback) {
    const char* text = std::getenv(name);
    return text && *text ? std::strtoull(text, nullptr, 10) : fallback;
}

size_t pick(std::mt19937_64& rng, size_t count) {
    return std::uniform_int_distribution<size_t>(0, count - 1)(rng);
}

// The server's output, line by line: under --quiet only its start-up lines, and with the
// rate-limited error log at most a few lines a minute.
size_t line_count(const std::string& text) {
    return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

// Lines of crash reports the browser client sent (POST /api/v1/client_errors): logging those is
// that route's job, so the fuzzer's accepted reports are counted apart from the server's faults.
constexpr std::string_view kClientReportLine = "error: client ";
size_t client_report_lines(const std::string& text) {
    size_t count = 0;
    for (size_t at = text.find(kClientReportLine); at != std::string::npos;
         at = text.find(kClientReportLine, at + 1))
        ++count;
    return count;
}

std::string printable(const std::string& bytes, size_t limit = 300) {
    std::string shown;
    for (unsigned char c : bytes.substr(0, limit)) {
        if (c >= 0x20 && c < 0x7F) {
            shown.push_back(static_cast<char>(c));
        } else {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02X", c);
            shown += escaped;
        }
    }
    return shown + (bytes.size() > limit ? "...(" + std::to_string(bytes.size()) + " bytes)" : "");
}

// The server with real things to point at: a prompt by another user, an acked task of the
// fuzzing user, a prize; two API keys and a guest session.
struct World {
    orchard::test::TempDir dir;
    std::string trusted_key = orchard::test::create_api_key(dir.path(), true);
    std::string untrusted_key = orchard::test::create_api_key(dir.path(), false);
    orchard::test::TestServer server{dir.path(), {"--quiet"}};
    orchard::test::SampleIds ids;
    std::string session;

    World() {
        orchard::test::Frontend frontend(server.base_url(), trusted_key);
        // No rate limit may stop the fuzzer from reaching the handlers.
        REQUIRE(frontend
                    .put("/api/v1/admin/config", {{"task_requests_per_user", 1000000},
                                                  {"task_requests_per_api_client", 100000000},
                                                  {"max_pending_tasks_per_user", 10000},
                                                  {"new_accounts_per_address", 1000000}})
                    .status == 200);
        orchard::test::create_sample_things(frontend, ids);
        ids.user_id = user_id_of(ids.user);
        renew_session();
    }

    std::string user_id_of(const std::string& external_id) {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open((dir.path() / "orchard.db").c_str(), &db) == SQLITE_OK);
        sqlite3_busy_timeout(db, 5000);
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(db, "SELECT id FROM users WHERE external_id = ?", -1, &statement,
                           nullptr);
        sqlite3_bind_text(statement, 1, external_id.c_str(), -1, SQLITE_TRANSIENT);
        std::string id;
        if (sqlite3_step(statement) == SQLITE_ROW)
            id = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
        sqlite3_finalize(statement);
        sqlite3_close(db);
        REQUIRE(!id.empty());
        return id;
    }

    // A fresh guest session with the terms accepted (the fuzzer may sign it out or delete it).
    void renew_session() {
        httplib::Client http(server.base_url());
        auto guest =
            http.Post("/api/v1/auth/guest", R"({"display_name":"Fuzz guest"})", "application/json");
        REQUIRE(guest);
        REQUIRE(guest->status == 201);
        session = json::parse(guest->body)["token"];
        auto accepted =
            http.Post("/api/v1/auth/accept_terms", {{"Authorization", "Bearer " + session}}, "{}",
                      "application/json");
        REQUIRE(accepted);
    }
};

struct Outcome {
    std::uint64_t requests = 0;
    std::uint64_t server_errors = 0; // 5xx other than the 503s PROTOCOL.md allows
    std::uint64_t dropped = 0;       // no whole answer on the connection
    std::uint64_t shapeless = 0;     // 4xx/5xx without a PROTOCOL.md error object
    std::map<std::string, std::uint64_t> errors_by_route;
    std::vector<std::string> examples; // the first few failures, to reproduce by hand
};

// 503 is the protocol's answer for "no task of that kind" (1006), a disabled user (4001) and a
// sign-in method this server has not set up; every other 5xx is a fault.
bool allowed_server_status(const ApiRoute& route, int status, const json& body) {
    if (status != 503) return false;
    const int code =
        body.is_object() && body.contains("error_code") && body["error_code"].is_number_integer()
            ? body["error_code"].get<int>()
            : -1;
    return code == 1006 || code == 4001 || (code == 0 && route.pattern == "/api/v1/auth/email");
}

bool error_object(const json& body) {
    return body.is_object() && body.contains("error_code") &&
           body["error_code"].is_number_integer() && body.contains("message") &&
           body["message"].is_string();
}

} // namespace

TEST_CASE("fuzz: mutated requests to every route never answer 5xx nor drop the connection") {
    const std::uint64_t seed = env_number("ORCHARD_FUZZ_SEED", std::random_device{}());
    const std::uint64_t max_requests = env_number("ORCHARD_FUZZ_REQUESTS", UINT64_MAX);
    const std::uint64_t seconds = env_number("ORCHARD_FUZZ_SECONDS", 60);
    std::printf("fuzz: seed %llu (replay with ORCHARD_FUZZ_SEED=%llu)\n",
                static_cast<unsigned long long>(seed), static_cast<unsigned long long>(seed));
    std::fflush(stdout);
    INFO("fuzz seed " << seed << " (replay with ORCHARD_FUZZ_SEED=" << seed << ")");
    std::mt19937_64 rng(seed);

    const auto routes = orchard::test::server_routes();
    REQUIRE(!routes.empty());
    World world;
    for (const auto& route : routes) {
        INFO("route " << route.name() << " has no sample in tests/support/api_routes.cpp");
        CHECK(orchard::test::sample_request(route, world.ids));
    }
    const size_t output_lines_before =
        line_count(world.server.output()) - client_report_lines(world.server.output());

    const std::vector<std::string> content_types = {"application/json",
                                                    "text/plain",
                                                    "application/x-www-form-urlencoded",
                                                    "multipart/form-data; boundary=x",
                                                    "application/json; charset=latin1",
                                                    ""};
    const std::vector<std::string> query_names = {
        "max_count", "before",      "after",        "offset",     "lang",   "halt",
        "days",      "window_size", "search_query", "message_id", "api_key"};

    Outcome outcome;
    auto connection = std::make_unique<RawConnection>(world.server.port());
    const auto start = std::chrono::steady_clock::now();
    const auto deadline = start + std::chrono::seconds(seconds);
    while (outcome.requests < max_requests && std::chrono::steady_clock::now() < deadline) {
        const ApiRoute& route = routes[pick(rng, routes.size())];
        auto sample = orchard::test::sample_request(route, world.ids);
        if (!sample) continue;

        // What to damage; one in ten requests goes undamaged, so valid paths run too.
        const size_t kind = pick(rng, 10);
        std::string body_text = sample->body.is_null() ? "" : sample->body.dump();
        if (kind <= 2)
            body_text = orchard::test::mutate_json(
                            sample->body.is_null() ? json::object() : sample->body, rng)
                            .dump(-1, ' ', false, json::error_handler_t::replace);
        else if (kind == 3)
            body_text = orchard::test::mutate_body_text(body_text, rng);
        std::map<std::string, std::string> query = sample->query;
        if (kind == 4 || kind == 5) {
            if (!query.empty() && pick(rng, 3) != 0) {
                auto it = std::next(query.begin(), static_cast<long>(pick(rng, query.size())));
                it->second = orchard::test::mutate_text(it->second, rng);
            } else {
                query[query_names[pick(rng, query_names.size())]] =
                    orchard::test::mutate_text("1", rng);
            }
        }
        if (kind == 6 && !sample->path.empty()) {
            auto it =
                std::next(sample->path.begin(), static_cast<long>(pick(rng, sample->path.size())));
            it->second = orchard::test::mutate_text(it->second, rng);
        }
        for (auto& [name, value] : sample->path)
            value = orchard::test::percent_encode(value);
        std::string target = orchard::test::fill_path(route.pattern, sample->path);
        char separator = '?';
        for (const auto& [name, value] : query) {
            target += separator + orchard::test::percent_encode(name) + "=" +
                      orchard::test::percent_encode(value);
            separator = '&';
        }

        // Who calls: mostly a trusted frontend (it reaches the most code), sometimes an
        // untrusted one, a signed-in guest, or nobody.
        std::string headers;
        std::string oasst_user = "local:" + world.ids.user;
        if (kind == 7) oasst_user = orchard::test::mutate_header_value(oasst_user, rng);
        switch (pick(rng, 10)) {
        case 0:
            break;
        case 1:
        case 2:
            headers += "Authorization: Bearer " + world.session + "\r\n";
            break;
        case 3:
            headers +=
                "X-API-Key: " + world.untrusted_key + "\r\nx-oasst-user: " + oasst_user + "\r\n";
            break;
        default:
            headers +=
                "X-API-Key: " + world.trusted_key + "\r\nx-oasst-user: " + oasst_user + "\r\n";
        }
        const std::string content_type =
            kind == 8 ? content_types[pick(rng, content_types.size())] : "application/json";
        if (!content_type.empty()) headers += "Content-Type: " + content_type + "\r\n";
        if (kind == 9 && pick(rng, 4) == 0) headers += "Content-Encoding: gzip\r\n";

        const std::string request =
            route.method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers +
            "Content-Length: " + std::to_string(body_text.size()) + "\r\n\r\n" + body_text;
        ++outcome.requests;
        std::optional<RawConnection::Response> response;
        if (connection->connected() && connection->send(request))
            response = connection->read_response(std::chrono::seconds(60), route.method == "HEAD");
        auto remember = [&](const std::string& what) {
            ++outcome.errors_by_route[route.name()];
            if (outcome.examples.size() < 12)
                outcome.examples.push_back(what + " for " + printable(route.method + " " + target) +
                                           "\n    headers: " + printable(headers) +
                                           "\n    body: " + printable(body_text));
        };
        if (!response) {
            ++outcome.dropped;
            remember("no answer (connection dropped)");
            connection = std::make_unique<RawConnection>(world.server.port());
            continue;
        }
        const json answer = json::parse(response->body, nullptr, false);
        if (response->status >= 500 && !allowed_server_status(route, response->status, answer)) {
            ++outcome.server_errors;
            remember(std::to_string(response->status) + " " + printable(response->body, 200));
        } else if (response->status >= 400 && !error_object(answer)) {
            ++outcome.shapeless;
            remember(std::to_string(response->status) +
                     " without an error object: " + printable(response->body, 200));
        }
        const auto close = response->headers.find("connection");
        if (close != response->headers.end() && close->second == "close")
            connection = std::make_unique<RawConnection>(world.server.port());
        // The fuzzer signs its guest out or deletes it now and then: a new one keeps the
        // signed-in routes reachable.
        if (outcome.requests % 200 == 0) world.renew_session();
    }
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    const std::string output = world.server.output();
    const size_t reports_logged = client_report_lines(output);
    const size_t lines_written = line_count(output) - reports_logged - output_lines_before;
    std::printf("fuzz: seed %llu, %llu requests in %.1f s: %llu answered 5xx, %llu dropped, "
                "%llu errors without an error object; the server wrote %zu lines\n",
                static_cast<unsigned long long>(seed),
                static_cast<unsigned long long>(outcome.requests), elapsed,
                static_cast<unsigned long long>(outcome.server_errors),
                static_cast<unsigned long long>(outcome.dropped),
                static_cast<unsigned long long>(outcome.shapeless), lines_written);
    for (const auto& [route, count] : outcome.errors_by_route)
        std::printf("  %6llu  %s\n", static_cast<unsigned long long>(count), route.c_str());
    for (const auto& example : outcome.examples)
        std::printf("  e.g. %s\n", example.c_str());
    std::fflush(stdout);

    CHECK(outcome.requests > 0);
    CHECK(outcome.server_errors == 0);
    CHECK(outcome.dropped == 0);
    CHECK(outcome.shapeless == 0);
    // Refused input is not the server's fault and must not reach its logs; even real faults
    // are logged a few lines a minute at most (http::ErrorLog).
    INFO("server output during the run:\n" << printable(output, 4000));
    if (outcome.server_errors == 0) CHECK(lines_written == 0);
    CHECK(lines_written <= 11 * (static_cast<size_t>(elapsed / 60) + 1));
    // Accepted crash reports reach the log at most 20 a minute, however many are sent.
    CHECK(reports_logged <= 21 * (static_cast<size_t>(elapsed / 60) + 1));
    CHECK(world.server.stop() == 0);
}
