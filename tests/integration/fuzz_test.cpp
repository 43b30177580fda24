// A mutation fuzzer over every API route of the real server: requests that fit a route (from
// tests/support/api_routes.h), damaged by tests/support/json_mutations.h in their body, query,
// path ids and headers, sent as several kinds of caller. Whatever a caller sends, the server must
// answer with a status below 500 (503 only for the refusals PROTOCOL.md gives it), in the error
// shape, on a connection that stays up — and, under --quiet, without writing to its logs. The
// requests and verdicts live in tests/support/request_fuzzer.h, shared with the soak benchmark.
//
// Bounded in time: ORCHARD_FUZZ_SECONDS (default 60) and ORCHARD_FUZZ_REQUESTS (default no
// limit). The seed is printed; ORCHARD_FUZZ_SEED replays a run.
#include "tests/support/api_routes.h"
#include "tests/support/fuzz_world.h"
#include "tests/support/request_fuzzer.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string_view>

using orchard::test::printable;

namespace {

std::uint64_t env_number(const char* name, std::uint64_t fallback) {
    const char* text = std::getenv(name);
    return text && *text ? std::strtoull(text, nullptr, 10) : fallback;
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
    orchard::test::FuzzWorld world;
    for (const auto& route : routes) {
        INFO("route " << route.name() << " has no sample in tests/support/api_routes.cpp");
        CHECK(orchard::test::sample_request(route, world.ids));
    }
    const size_t output_lines_before =
        line_count(world.server.output()) - client_report_lines(world.server.output());

    orchard::test::FuzzOutcome outcome;
    const orchard::test::RequestFuzzer fuzzer(routes, world.ids);
    orchard::test::FuzzSender sender(world.server.port());
    const auto start = std::chrono::steady_clock::now();
    const auto deadline = start + std::chrono::seconds(seconds);
    while (outcome.requests < max_requests && std::chrono::steady_clock::now() < deadline) {
        const auto request = fuzzer.next(rng, world.callers);
        if (!request) continue;
        if (!sender.send(*request, outcome)) continue;
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
