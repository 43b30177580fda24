// Soak: the real `orchard serve` (SQLite, --quiet) under mixed load for ORCHARD_SOAK_SECONDS
// (default 600, at most 3600): legitimate frontend users working through tasks and reading
// leaderboards and messages (tests/bench/soak_contributor.h), the mutation fuzzer of the fuzz test
// on its own connections (tests/support/request_fuzzer.h), and a prober calling GET
// /api/v1/health every 250 ms. Every 10 s it samples the server's resident memory and database
// size, and puts back the operator's settings, which the fuzzer (a trusted frontend may change
// them) keeps damaging.
//
// Prints requests per kind, 5xx per route with the requests that caused them, health latency
// overall and in the first and last minute, memory at the end of warm-up, at the end, the peak
// and the growth per 10 minutes, and the database size. Asserts nothing about time; exits 1 when
// the server answered 5xx (other than 503 "no task available"), dropped a connection or crashed.
//
// Environment: ORCHARD_SOAK_SECONDS (600), ORCHARD_SOAK_USERS (4), ORCHARD_SOAK_FUZZERS (2),
// ORCHARD_SOAK_SEED (random, printed; seeds the fuzzers, whose timing still varies).
#include "tests/bench/soak_contributor.h"
#include "tests/bench/soak_report.h"
#include "tests/bench/soak_tally.h"
#include "tests/support/frontend.h"
#include "tests/support/fuzz_world.h"
#include "tests/support/process_memory.h"
#include "tests/support/request_fuzzer.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <httplib.h>
#include <memory>
#include <mutex>
#include <random>
#include <thread>
#include <unistd.h>
#include <vector>

using nlohmann::json;
using orchard::bench::kMiB;
using orchard::bench::print_latency;
using orchard::bench::print_server_output;
using orchard::bench::Probe;
using orchard::bench::request_rate;
using orchard::bench::Sample;
using orchard::bench::slope_per_10_minutes;
using orchard::bench::SoakTally;
using Clock = std::chrono::steady_clock;

namespace {

constexpr long kMaxSeconds = 3600;
constexpr auto kSampleEvery = std::chrono::seconds(10);
constexpr auto kProbeEvery = std::chrono::milliseconds(250);
// Past the run's end, threads get this long to finish (clients time out after 60 s) before the
// watchdog kills the server and exits, so that a hung server cannot make the soak unbounded.
constexpr auto kShutdownGrace = std::chrono::seconds(180);
const std::string kProbeKind = "GET /api/v1/health (prober)";

long env_number(const char* name, long fallback) {
    const char* text = std::getenv(name);
    return text && *text ? std::atol(text) : fallback;
}

// Ctrl-C ends the run early but still reports and stops the server.
volatile std::sig_atomic_t interrupted = 0;
// Global rather than in main: the detached watchdog may still be looking when main returns.
std::atomic<bool> finished = false;
extern "C" void on_interrupt(int) {
    interrupted = 1;
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The operator's settings for this run: trees keep growing (100 active, two user replies so
// that every task type occurs) and no rate limit stops the virtual users, which work far faster
// than people and share one API key.
json operator_settings() {
    return {{"max_active_trees", 100},
            {"num_prompter_replies", 2},
            {"task_requests_per_user", 1000000},
            {"assistant_reply_requests_per_user", 1000000},
            {"prompter_reply_requests_per_user", 1000000},
            {"task_requests_per_api_client", 100000000},
            {"max_pending_tasks_per_user", 10000},
            {"new_accounts_per_address", 1000000}};
}

long file_bytes(const std::filesystem::path& file) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    return error ? 0 : static_cast<long>(size);
}

long legitimate_requests(const SoakTally& tally) {
    long requests = 0;
    for (const auto& [kind, counts] : tally.kinds())
        if (kind != kProbeKind) requests += counts.requests;
    return requests;
}

} // namespace

int main() {
    // Progress lines show up as they happen when the output goes to a file or a pipe.
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const long seconds = std::clamp(env_number("ORCHARD_SOAK_SECONDS", 600), 1L, kMaxSeconds);
    const long users = std::max(env_number("ORCHARD_SOAK_USERS", 4), 0L);
    const long fuzzers = std::max(env_number("ORCHARD_SOAK_FUZZERS", 2), 0L);
    const auto seed = static_cast<std::uint64_t>(
        env_number("ORCHARD_SOAK_SEED", static_cast<long>(std::random_device{}() >> 1)));
    // Warm-up: start-up allocations and the first trees are not growth.
    const double warm_up = std::min(60.0, static_cast<double>(seconds) / 10.0);
    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);
    std::printf("Soak: %ld s, %ld frontend users, %ld fuzzers (seed %llu), health probed every "
                "%lld ms, memory sampled every %lld s after %.0f s of warm-up.\n",
                seconds, users, fuzzers, static_cast<unsigned long long>(seed),
                static_cast<long long>(kProbeEvery.count()),
                static_cast<long long>(kSampleEvery.count()), warm_up);

    std::unique_ptr<orchard::test::FuzzWorld> world;
    std::vector<orchard::test::ApiRoute> routes;
    try {
        routes = orchard::test::server_routes();
        world = std::make_unique<orchard::test::FuzzWorld>();
    } catch (const std::exception& error) {
        std::printf("setup failed: %s\n", error.what());
        return 2;
    }
    const pid_t server_pid = world->server.pid();
    const std::string base_url = world->server.base_url();
    orchard::test::Frontend operator_frontend(base_url, world->trusted_key);
    if (const auto put = operator_frontend.put("/api/v1/admin/config", operator_settings());
        put.status != 200) {
        std::printf("PUT /api/v1/admin/config failed: %d %s\n", put.status,
                    put.body.dump().c_str());
        return 2;
    }
    const size_t startup_output = world->server.output().size();

    const auto start = Clock::now();
    const auto deadline = start + std::chrono::seconds(seconds);
    std::thread([deadline, server_pid] {
        while (Clock::now() < deadline + kShutdownGrace)
            if (finished)
                return;
            else
                std::this_thread::sleep_for(std::chrono::seconds(1));
        std::printf("watchdog: the soak did not finish within %lld s of its end; killing the "
                    "server\n",
                    static_cast<long long>(kShutdownGrace.count()));
        ::kill(server_pid, SIGKILL);
        std::_Exit(3);
    }).detach();

    std::atomic<bool> running = true;
    SoakTally tally;
    std::atomic<long> client_exceptions = 0;
    std::vector<std::thread> threads;
    for (long i = 0; i < users; ++i)
        threads.emplace_back([&, i] {
            orchard::bench::SoakContributor user(
                base_url, world->trusted_key, "soak-" + std::to_string(i),
                seed + 1000 + static_cast<std::uint64_t>(i), tally);
            while (running) {
                // An answer of an unexpected shape (a field of another type) throws in the
                // user's JSON handling: reported, and the user carries on, so that the soak still
                // ends by itself and stops its server.
                try {
                    user.cycle();
                } catch (const std::exception& error) {
                    if (client_exceptions++ < 5)
                        std::printf("  a user's cycle threw: %s\n", error.what());
                }
            }
        });

    std::mutex fuzz_mutex;
    orchard::test::FuzzOutcome fuzz_outcome;
    std::atomic<long> renewals_failed = 0;
    const orchard::test::RequestFuzzer fuzzer(routes, world->ids);
    for (long i = 0; i < fuzzers; ++i)
        threads.emplace_back([&, i] {
            std::mt19937_64 rng(seed + static_cast<std::uint64_t>(i));
            orchard::test::FuzzCallers callers = world->callers;
            orchard::test::FuzzSender sender(world->server.port());
            orchard::test::FuzzOutcome outcome;
            while (running) {
                const auto request = fuzzer.next(rng, callers);
                if (!request || !sender.send(*request, outcome)) continue;
                // The fuzzer signs its guest out or deletes it now and then.
                if (outcome.requests % 200 != 0) continue;
                try {
                    callers.session = orchard::test::fuzz_guest_session(base_url);
                } catch (const std::exception&) {
                    ++renewals_failed;
                }
            }
            std::lock_guard lock(fuzz_mutex);
            fuzz_outcome.add(outcome);
        });

    std::vector<Probe> probes;
    threads.emplace_back([&] {
        httplib::Client http(base_url);
        http.set_keep_alive(true);
        http.set_tcp_nodelay(true);
        http.set_read_timeout(30, 0);
        auto next = Clock::now();
        while (running) {
            const auto sent = Clock::now();
            const auto result = http.Get("/api/v1/health");
            const double ms =
                std::chrono::duration<double, std::milli>(Clock::now() - sent).count();
            const int status = result ? result->status : 0;
            tally.add(kProbeKind, status, false, "GET /api/v1/health",
                      result ? result->body.substr(0, 300)
                             : "(" + httplib::to_string(result.error()) + ")");
            if (status == 200)
                probes.push_back({std::chrono::duration<double>(sent - start).count(), ms});
            next += kProbeEvery;
            std::this_thread::sleep_until(next);
        }
    });

    // The main thread samples memory, puts the settings back and notices a crash.
    std::vector<Sample> samples;
    long settings_failed = 0;
    bool crashed = false;
    // False when the server process is gone: a dead server has no VmRSS, even before it is
    // reaped.
    auto take_sample = [&] {
        const long rss = orchard::test::resident_kib(server_pid);
        if (rss < 0) return false;
        const auto dir = world->dir.path();
        samples.push_back({seconds_since(start), rss,
                           orchard::test::anonymous_resident_kib(server_pid),
                           legitimate_requests(tally), file_bytes(dir / "orchard.db"),
                           file_bytes(dir / "orchard.db-wal")});
        return true;
    };
    auto next_sample = start;
    while (Clock::now() < deadline && !interrupted) {
        if (Clock::now() >= next_sample) {
            if (!take_sample()) {
                crashed = true;
                std::printf("  the server process is gone at %.0f s\n", seconds_since(start));
                break;
            }
            if (operator_frontend.put("/api/v1/admin/config", operator_settings()).status != 200)
                ++settings_failed;
            long faults = 0;
            for (const auto& [kind, counts] : tally.kinds())
                faults += counts.server_errors + counts.no_answer;
            const Sample& now = samples.back();
            std::printf("  %4.0f s: RSS %6.1f MiB (anonymous %6.1f), database %7.1f MiB + WAL "
                        "%6.1f MiB, %ld legitimate requests (%ld 5xx or unanswered)\n",
                        now.at, static_cast<double>(now.rss_kib) / 1024.0,
                        static_cast<double>(now.anon_kib) / 1024.0,
                        static_cast<double>(now.db_bytes) / kMiB,
                        static_cast<double>(now.wal_bytes) / kMiB, now.legit_requests, faults);
            next_sample += kSampleEvery;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    // The end of the run is the last sample, still under load.
    if (!crashed && !take_sample()) crashed = true;
    const double elapsed = seconds_since(start);
    const long peak_kib = orchard::test::peak_resident_kib(server_pid);
    running = false;
    for (auto& thread : threads)
        thread.join();
    const std::string output = world->server.output();
    const int exit_status = world->server.stop();
    finished = true;
    crashed = crashed || exit_status != 0;

    std::printf("\n== soak: %.0f s%s ==\n", elapsed, interrupted ? " (interrupted)" : "");
    std::printf("requests by kind (legitimate users and prober):\n");
    long legit_faults = 0;
    std::printf("  %-44s %9s %6s %9s %8s\n", "kind", "requests", "5xx", "no answer", "refused");
    for (const auto& [kind, counts] : tally.kinds()) {
        std::printf("  %-44s %9ld %6ld %9ld %8ld\n", kind.c_str(), counts.requests,
                    counts.server_errors, counts.no_answer, counts.refused);
        legit_faults += counts.server_errors + counts.no_answer;
    }
    // The fuzzer, a trusted frontend, deletes messages, halts trees and changes settings: the
    // users then meet refusals a frontend does not usually see. Shown, but not faults.
    std::printf("  (refused: 4xx other than \"no task\" and \"tree ended\", mostly from what the "
                "fuzzer deleted, halted or reconfigured; not counted as faults)\n");
    for (const auto& example : tally.faults())
        std::printf("  FAULT %s\n", example.c_str());
    for (const auto& example : tally.refusals())
        std::printf("  refused: %s\n", example.c_str());

    std::printf("fuzzer: %llu requests, %llu answered 5xx, %llu dropped, %llu without an error "
                "object; %ld guest renewals failed\n",
                static_cast<unsigned long long>(fuzz_outcome.requests),
                static_cast<unsigned long long>(fuzz_outcome.server_errors),
                static_cast<unsigned long long>(fuzz_outcome.dropped),
                static_cast<unsigned long long>(fuzz_outcome.shapeless), renewals_failed.load());
    for (const auto& [route, count] : fuzz_outcome.server_errors_by_route)
        std::printf("  5xx %6llu  %s\n", static_cast<unsigned long long>(count), route.c_str());
    for (const auto& example : fuzz_outcome.examples)
        std::printf("  e.g. %s\n", example.c_str());
    for (const auto& request : fuzz_outcome.fault_requests)
        std::printf("  FAULT request, whole:\n%s\n",
                    orchard::test::printable(request, 20000).c_str());

    std::printf("health latency (ms)       count      p50      p95      p99      max\n");
    print_latency("whole run", probes, 0, elapsed);
    print_latency("first minute", probes, 0, 60);
    print_latency("last minute", probes, elapsed - 60, elapsed);

    std::vector<Sample> after_warm_up;
    for (const Sample& s : samples)
        if (s.at >= warm_up) after_warm_up.push_back(s);
    if (!after_warm_up.empty()) {
        const Sample& first = after_warm_up.front();
        const Sample& last = after_warm_up.back();
        long max_kib = 0;
        for (const Sample& s : samples)
            max_kib = std::max(max_kib, s.rss_kib);
        const double span = last.at - first.at;
        auto growth = [&](long Sample::*value) {
            return span > 0
                       ? static_cast<double>(last.*value - first.*value) / 1024.0 * 600.0 / span
                       : 0.0;
        };
        std::printf("server memory: RSS %.1f MiB after warm-up (%.0f s), %.1f MiB at the end "
                    "(%.0f s), max sampled %.1f MiB, peak (VmHWM) %.1f MiB\n",
                    static_cast<double>(first.rss_kib) / 1024.0, first.at,
                    static_cast<double>(last.rss_kib) / 1024.0, last.at,
                    static_cast<double>(max_kib) / 1024.0, static_cast<double>(peak_kib) / 1024.0);
        std::printf("  of which anonymous (heap, stacks; not the mapped database): %.1f MiB after "
                    "warm-up, %.1f MiB at the end\n",
                    static_cast<double>(first.anon_kib) / 1024.0,
                    static_cast<double>(last.anon_kib) / 1024.0);
        std::printf("  growth per 10 minutes: RSS %.1f MiB (end minus warm-up), %.1f MiB (least "
                    "squares over %zu samples); anonymous %.1f MiB, %.1f MiB\n",
                    growth(&Sample::rss_kib),
                    slope_per_10_minutes(after_warm_up, &Sample::rss_kib) / 1024.0,
                    after_warm_up.size(), growth(&Sample::anon_kib),
                    slope_per_10_minutes(after_warm_up, &Sample::anon_kib) / 1024.0);
        std::printf("legitimate requests per second: %.0f in the first minute, %.0f in the last\n",
                    request_rate(samples, 0, 60), request_rate(samples, elapsed - 60, elapsed));
        std::printf(
            "database: %.1f MiB + WAL %.1f MiB after warm-up, %.1f MiB + WAL %.1f MiB at "
            "the end\n",
            static_cast<double>(first.db_bytes) / kMiB, static_cast<double>(first.wal_bytes) / kMiB,
            static_cast<double>(last.db_bytes) / kMiB, static_cast<double>(last.wal_bytes) / kMiB);
    }
    if (client_exceptions > 0)
        std::printf("answers the users could not handle (exceptions): %ld\n",
                    client_exceptions.load());
    if (settings_failed > 0)
        std::printf("putting the settings back failed %ld times\n", settings_failed);
    std::printf("server: exit status %d after SIGTERM%s\n", exit_status,
                crashed ? " — CRASHED or did not stop cleanly" : "");
    print_server_output(output.substr(std::min(startup_output, output.size())));

    const bool faults =
        legit_faults > 0 || fuzz_outcome.server_errors > 0 || fuzz_outcome.dropped > 0 || crashed;
    std::printf("soak: %s\n", faults ? "FAULTS FOUND (see above)"
                                     : "no 5xx, no dropped "
                                       "connection, no crash");
    return faults ? 1 : 0;
}
