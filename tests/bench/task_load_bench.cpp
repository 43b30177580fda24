// Task-lifecycle throughput and latency of the real `orchard serve` under N concurrent frontend
// users (1, 8 and 32), in several rounds per level, each on a fresh server and database. Every
// virtual user loops: request a random task → ack → complete it (a varied text, a full set of
// valid labels, or a ranking permutation), and every 5th cycle reads POST
// /api/v1/tasks/availability and the first 100 of a leaderboard (day, week, month, total in turn).
// Prints completed cycles per second per round and their median, p50/p95/p99 latency per endpoint
// over all rounds, "no task available" answers (503, code 1006), tasks whose tree ended before the
// answer (400, code 2010) and errors (any other non-2xx, with examples).
//
// The machine is shared and noisy, so each round also measures a baseline on the same server
// just before its load: GET /api/v1/health at 8 keep-alive connections, the cost of HTTP alone.
// The ratio of task cycles to health requests per second is steadier than either figure.
// Asserts nothing about time; exits with 1 when there were errors. Before measuring, seed users
// bring each fresh database to a state where every task type occurs, with max_active_trees 100
// and num_prompter_replies 2 (see seed()).
//
// Each round also prints the server's CPU time (user and system) per completed cycle, and on
// PostgreSQL the database's: unlike the rate, they hardly depend on what else the machine does.
//
// Usage: bench_task_load [seconds per round, default 8] [rounds per level, default 3]
//                        [users: one level only, default 1, 8 and 32]
// On PostgreSQL (ORCHARD_TEST_POSTGRES), ORCHARD_BENCH_SERVERS=3 runs three servers behind
// HAProxy (deploy/haproxy.cfg); the CPU per cycle is then that of all of them and HAProxy.
#include "tests/bench/bench_answers.h"
#include "tests/bench/percentile.h"
#include "tests/support/frontend.h"
#include "tests/support/haproxy.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_database.h"
#include "tests/support/test_server.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using nlohmann::json;
using orchard::test::ApiAnswer;
using orchard::test::Frontend;
using Clock = std::chrono::steady_clock;

using orchard::bench::labels_interaction;
using orchard::bench::percentile;
using orchard::bench::shuffled_ranking_interaction;

namespace {

enum Endpoint {
    kRequestTask,
    kAck,
    kInteraction,
    kAvailability,
    kLeaderboard,
    kNack,
    kEndpointCount
};
constexpr std::array<const char*, kEndpointCount> kEndpointNames = {
    "POST /api/v1/tasks/ (random)",     "POST /api/v1/tasks/{id}/ack",
    "POST /api/v1/tasks/interaction",   "POST /api/v1/tasks/availability",
    "GET /api/v1/leaderboards/{frame}", "POST /api/v1/tasks/{id}/nack (after an error)"};
// The frames the leaderboard reads go through in turn, as people switch between them.
constexpr std::array<const char*, 4> kFrames = {"day", "week", "month", "total"};

const std::vector<std::string> kAllTaskTypes = {"initial_prompt",        "assistant_reply",
                                                "prompter_reply",        "rank_assistant_replies",
                                                "rank_prompter_replies", "label_initial_prompt",
                                                "label_assistant_reply", "label_prompter_reply"};

// A frontend that shows "nothing to do" and lets its user come back a moment later; without this
// pause a user without tasks would hammer the server with candidate queries no person would send.
constexpr auto kNoTaskPause = std::chrono::milliseconds(100);

// Non-2xx answers other than "no task available": a tally by kind, and the first example of each
// kind with the request that caused it, so that a server bug can be reported precisely.
class ErrorLog {
  public:
    void add(const std::string& what, const json& request, const ApiAnswer& answer) {
        const std::string kind = what + " -> HTTP " + std::to_string(answer.status) + " code " +
                                 std::to_string(answer.error_code());
        std::lock_guard lock(mutex_);
        if (tally_[kind]++ == 0 && examples_.size() < 10)
            examples_.push_back(kind + "\n      request:  " + request.dump().substr(0, 600) +
                                "\n      response: " + answer.body.dump().substr(0, 600));
    }
    long total() const {
        std::lock_guard lock(mutex_);
        long sum = 0;
        for (const auto& [kind, count] : tally_)
            sum += count;
        return sum;
    }
    void print(const char* indent) const {
        std::lock_guard lock(mutex_);
        for (const auto& [kind, count] : tally_)
            std::printf("%s%6ld x %s\n", indent, count, kind.c_str());
        if (!examples_.empty()) std::printf("%sfirst example of each kind:\n", indent);
        for (const auto& example : examples_)
            std::printf("%s  %s\n", indent, example.c_str());
    }

  private:
    mutable std::mutex mutex_;
    std::map<std::string, long> tally_;
    std::vector<std::string> examples_;
};

struct UserStats {
    std::array<std::vector<double>, kEndpointCount> latency_ms;
    long cycles = 0; // request, ack and interaction all succeeded, before the deadline
    long no_task = 0;
    long overtaken = 0; // the tree stopped taking replies between the task and its answer
    std::map<std::string, long> done_by_type;
};

// Texts that read like contributions and never repeat (the server refuses a user's duplicate
// text within 120 minutes, code 1009): a few sentences picked at random plus a serial number.
const std::vector<std::string> kTopics = {
    "sourdough bread",  "the French revolution",  "binary search trees",
    "tide pools",       "learning the cello",     "compound interest",
    "photosynthesis",   "bicycle maintenance",    "the Rust borrow checker",
    "volcanic islands", "writing a cover letter", "composting"};

std::string contribution_text(const std::string& kind, std::mt19937_64& rng, long serial) {
    const std::string& topic = kTopics[rng() % kTopics.size()];
    const std::string& other = kTopics[rng() % kTopics.size()];
    if (kind == "initial_prompt")
        return "Could you explain how " + topic + " works, in plain words? I read about it last " +
               "week and the details are fuzzy. A comparison with " + other +
               " would help. (question " + std::to_string(serial) + ")";
    if (kind == "prompter_reply")
        return "Thanks, that helps. Can you give one concrete example about " + topic +
               ", and say what beginners most often get wrong? (follow-up " +
               std::to_string(serial) + ")";
    return "Sure. " + topic + " is easiest to understand step by step. First, look at the basic " +
           "idea and why people care about it. Second, notice how it connects to " + other +
           ", which many find surprising. Finally, practice with a small example before " +
           "reading further. (answer " + std::to_string(serial) + ")";
}

// Values a careful reviewer gives: most messages are fine (spam and flags 0), sometimes not;
// likert labels use the five steps, toxicity and violence stay low.
double label_value(const std::string& name, const std::string& widget, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> chance(0.0, 1.0);
    constexpr std::array<double, 5> kSteps = {0.0, 0.25, 0.5, 0.75, 1.0};
    if (name == "spam") return chance(rng) < 0.05 ? 1.0 : 0.0;
    if (widget == "likert") {
        if (name == "toxicity" || name == "violence") return chance(rng) < 0.9 ? 0.0 : 0.25;
        return kSteps[rng() % kSteps.size()];
    }
    if (name == "fails_task") return chance(rng) < 0.15 ? 1.0 : 0.0;
    return chance(rng) < 0.03 ? 1.0 : 0.0; // lang_mismatch and the flags
}

// The task types some user has completed, shared by the seeding threads.
struct TypesDone {
    std::mutex mutex;
    std::set<std::string> types;
    void add(const std::string& type) {
        std::lock_guard lock(mutex);
        types.insert(type);
    }
    size_t count() {
        std::lock_guard lock(mutex);
        return types.size();
    }
};

class VirtualUser {
  public:
    VirtualUser(const std::string& base_url, const std::string& api_key, std::string id,
                std::uint64_t seed, ErrorLog& errors)
        : frontend_(base_url, api_key), id_(std::move(id)), rng_(seed), errors_(errors) {}

    // One request → ack → interaction; `deadline` decides whether a completed cycle counts.
    void cycle(const std::string& type, Clock::time_point deadline) {
        ++attempts_;
        const long serial = ++serial_;
        const json request = {{"type", type}, {"user", Frontend::user(id_)}, {"lang", "en"}};
        const ApiAnswer task =
            timed(kRequestTask, [&] { return frontend_.request_task(id_, type); });
        if (task.status == 503 && task.error_code() == 1006) {
            ++stats_.no_task;
            std::this_thread::sleep_for(kNoTaskPause);
            return;
        }
        if (task.status != 200) {
            errors_.add("request task", request, task);
            return;
        }
        const std::string task_id = task.body.value("id", "");
        const std::string kind = task.body.value("type", "");
        const std::string frontend_id = "fe-" + id_ + "-" + std::to_string(serial);
        const ApiAnswer ack = timed(kAck, [&] { return frontend_.ack(id_, task_id, frontend_id); });
        if (ack.status != 204) {
            errors_.add("ack " + kind, {{"task_id", task_id}, {"message_id", frontend_id}}, ack);
            skip(task_id);
            return;
        }
        const json body = answer(task.body, kind, frontend_id, serial);
        const ApiAnswer done =
            timed(kInteraction, [&] { return frontend_.interaction(id_, body); });
        if (done.status == 400 && done.error_code() == 2010) {
            // Another user's labels or skips ended the tree meanwhile: a frontend shows that
            // and moves on. The server refused it correctly; not an error.
            ++stats_.overtaken;
            return;
        }
        if (done.status != 200) {
            errors_.add("interaction for " + kind, body, done);
            skip(task_id);
            return;
        }
        if (Clock::now() <= deadline) {
            ++stats_.cycles;
            ++stats_.done_by_type[kind];
        }
        if (types_done_) types_done_->add(kind);
        if (attempts_ % 5 == 0) {
            availability();
            leaderboard();
        }
    }

    void availability() {
        // The body is the user object itself, as the Open-Assistant website sends it.
        const json body = Frontend::user(id_);
        const ApiAnswer answer = timed(kAvailability, [&] {
            return frontend_.post("/api/v1/tasks/availability?lang=en", body);
        });
        if (answer.status != 200) errors_.add("availability", body, answer);
    }

    // The leaderboard page's read: the first 100 of a frame. Points change with nearly every
    // cycle, so this is rarely answered from the server's cache.
    void leaderboard() {
        const std::string frame = kFrames[static_cast<std::size_t>(attempts_ / 5) % kFrames.size()];
        const std::string path = "/api/v1/leaderboards/" + frame + "?max_count=100";
        const ApiAnswer answer = timed(kLeaderboard, [&] { return frontend_.get(path, id_); });
        if (answer.status != 200) errors_.add("GET " + path, json::object(), answer);
    }

    const UserStats& stats() const { return stats_; }
    void report_types_to(TypesDone& types_done) { types_done_ = &types_done; }

  private:
    template <typename Call> ApiAnswer timed(Endpoint endpoint, Call call) {
        const auto start = Clock::now();
        ApiAnswer answer = call();
        const std::chrono::duration<double, std::milli> elapsed = Clock::now() - start;
        stats_.latency_ms[endpoint].push_back(elapsed.count());
        return answer;
    }

    // A failed task is skipped, as a frontend would, so that open tasks never pile up to the
    // pending-task cap (code 1012) and distort the run.
    void skip(const std::string& task_id) {
        if (task_id.empty()) return;
        const ApiAnswer answer = timed(kNack, [&] { return frontend_.nack(id_, task_id); });
        if (answer.status != 204) errors_.add("nack", {{"task_id", task_id}}, answer);
    }

    json answer(const json& task, const std::string& kind, const std::string& frontend_id,
                long serial) {
        if (kind == "initial_prompt" || kind == "assistant_reply" || kind == "prompter_reply")
            return {{"type", "text_reply_to_message"},
                    {"message_id", frontend_id},
                    {"user_message_id", "msg-" + id_ + "-" + std::to_string(serial)},
                    {"text", contribution_text(kind, rng_, serial)},
                    {"lang", "en"}};
        if (kind.starts_with("label_")) {
            std::map<std::string, std::string> widgets;
            for (const auto& label : task.value("labels", json::array()))
                widgets[label.value("name", "")] = label.value("widget", "");
            json labels = json::object();
            for (const auto& name : task.value("valid_labels", json::array())) {
                const std::string label = name.get<std::string>();
                labels[label] = label_value(label, widgets[label], rng_);
            }
            return labels_interaction(task, labels);
        }
        return shuffled_ranking_interaction(task, frontend_id, rng_);
    }

    Frontend frontend_;
    std::string id_;
    std::mt19937_64 rng_;
    ErrorLog& errors_;
    UserStats stats_;
    long attempts_ = 0;
    long serial_ = 0;
    TypesDone* types_done_ = nullptr;
};

std::string availability_summary(const json& counts) {
    std::string text;
    for (const auto& type : kAllTaskTypes)
        text += (text.empty() ? "" : ", ") + type + " " + std::to_string(counts.value(type, 0));
    return text;
}

// ORCHARD_BENCH_SERVERS=2 or 3 (with ORCHARD_TEST_POSTGRES): that many servers on the one
// database, behind HAProxy with deploy/haproxy.cfg, the virtual users talking to HAProxy.
int server_count() {
    const char* count = std::getenv("ORCHARD_BENCH_SERVERS");
    return count ? std::clamp(std::atoi(count), 1, 3) : 1;
}

struct Server {
    orchard::test::TempDir dir;
    std::string key = orchard::test::create_api_key(dir.path(), /*trusted=*/true);
    std::vector<std::unique_ptr<orchard::test::TestServer>> servers;
    std::unique_ptr<orchard::test::Haproxy> proxy;

    Server() {
        std::vector<int> ports;
        for (int i = 0; i < server_count(); ++i) {
            servers.push_back(std::make_unique<orchard::test::TestServer>(
                dir.path(), std::vector<std::string>{"--quiet", "--seed", std::to_string(i + 1),
                                                     "--trusted-proxy", "127.0.0.1",
                                                     "--max-connections-per-address", "0"}));
            ports.push_back(servers.back()->port());
        }
        if (servers.size() > 1) proxy = std::make_unique<orchard::test::Haproxy>(ports, dir.path());
    }
    std::string base_url() const { return proxy ? proxy->url() : servers.front()->base_url(); }
    // The processes that serve the load (HAProxy's too): their CPU is the cost of a cycle.
    std::vector<pid_t> pids() const {
        std::vector<pid_t> all;
        for (const auto& server : servers)
            all.push_back(server->pid());
        if (proxy) all.push_back(proxy->pid());
        return all;
    }
};

// Seeds the fresh database so that every task kind exists before measuring: a dozen seed users
// write two prompts each and then work through random tasks until each of the eight task types has
// been done at least once and a newcomer has at least 20 tasks besides writing a prompt (or 120 s
// pass). Trees keep moving, so not every type is on offer at every moment. Seed users are not
// measured and never reused.
void seed(Server& s) {
    Frontend admin(s.base_url(), s.key);
    // max_active_trees 100: every accepted prompt starts growing, as on a busy deployment.
    // num_prompter_replies 2: with the default 1 no assistant reply gets sibling user replies, so
    // rank_prompter_replies would never exist.
    // Virtual users work far faster than people and share one API key: the rate limits of task
    // requests are lifted so that what is measured is the server's throughput.
    const ApiAnswer configured =
        admin.put("/api/v1/admin/config", {{"max_active_trees", 100},
                                           {"num_prompter_replies", 2},
                                           {"task_requests_per_user", 1000000},
                                           {"assistant_reply_requests_per_user", 1000000},
                                           {"prompter_reply_requests_per_user", 1000000},
                                           {"task_requests_per_api_client", 100000000}});
    if (configured.status != 200)
        std::printf("  PUT /api/v1/admin/config failed: HTTP %d %s\n", configured.status,
                    configured.body.dump().c_str());

    constexpr int kSeedUsers = 12;
    constexpr auto kSeedLimit = std::chrono::seconds(120);
    ErrorLog errors;
    TypesDone types_done;
    std::atomic<bool> running = true;
    std::vector<std::thread> threads;
    const auto start = Clock::now();
    for (int i = 0; i < kSeedUsers; ++i) {
        threads.emplace_back([&, i] {
            VirtualUser user(s.base_url(), s.key, "seed-" + std::to_string(i), 1000 + i, errors);
            user.report_types_to(types_done);
            user.cycle("initial_prompt", Clock::time_point::max());
            user.cycle("initial_prompt", Clock::time_point::max());
            while (running)
                user.cycle("random", Clock::time_point::max());
        });
    }
    json counts;
    while (Clock::now() - start < kSeedLimit) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        counts = admin
                     .post("/api/v1/tasks/availability?lang=en",
                           {{"user", Frontend::user("newcomer-probe")}})
                     .body;
        const long besides_prompt =
            counts.is_object() ? counts.value("random", 0L) - counts.value("initial_prompt", 0L)
                               : 0L;
        if (types_done.count() == kAllTaskTypes.size() && besides_prompt >= 20) break;
    }
    running = false;
    for (auto& thread : threads)
        thread.join();
    const std::chrono::duration<double> took = Clock::now() - start;
    std::printf("  seeded by %d users in %.1f s (%zu of %zu task types done); a newcomer is "
                "offered: %s\n",
                kSeedUsers, took.count(), types_done.count(), kAllTaskTypes.size(),
                counts.is_object() ? availability_summary(counts).c_str() : "?");
    if (errors.total() > 0) {
        std::printf("  errors while seeding: %ld\n", errors.total());
        errors.print("    ");
    }
}

// GET /api/v1/health requests per second at 8 keep-alive connections over `length`.
double health_requests_per_second(const std::string& base_url, const std::string& key,
                                  std::chrono::milliseconds length) {
    std::atomic<long> completed = 0;
    std::atomic<bool> running = true;
    std::vector<std::thread> workers;
    for (int i = 0; i < 8; ++i)
        workers.emplace_back([&] {
            Frontend frontend(base_url, key);
            while (running)
                if (frontend.get("/api/v1/health").status == 200) ++completed;
        });
    const auto start = Clock::now();
    std::this_thread::sleep_for(length);
    running = false;
    for (auto& worker : workers)
        worker.join();
    const std::chrono::duration<double> elapsed = Clock::now() - start;
    return static_cast<double>(completed) / elapsed.count();
}

// CPU time the process has used so far (user and system, all threads), from /proc/<pid>/stat.
double cpu_seconds(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    // Fields after the command name, which is in parentheses and may hold spaces.
    std::istringstream fields(text.substr(text.rfind(')') + 2));
    std::vector<std::string> values{std::istream_iterator<std::string>(fields), {}};
    if (values.size() < 13) return 0;
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    const double ticks = std::stod(values[11]) + std::stod(values[12]);
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// CPU time PostgreSQL's processes on this machine have used so far (0 on SQLite, which works in
// the server's own process). Its backends live as long as the servers' pooled connections, so
// a round's difference counts the work of its cycles.
double database_cpu_seconds() {
    if (!orchard::test::on_postgres()) return 0;
    double total = 0;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream comm(entry.path() / "comm");
        std::string command;
        if (std::getline(comm, command) && command == "postgres")
            total += cpu_seconds(static_cast<pid_t>(std::stol(name)));
    }
    return total;
}

struct RoundResult {
    double cycles_per_second = 0;
    double server_cpu_ms_per_cycle = 0;
    double database_cpu_ms_per_cycle = 0;
    double health_per_second = 0;
    std::vector<UserStats> users;
};

RoundResult run_round(int users, std::chrono::seconds duration, int round, ErrorLog& errors) {
    Server s;
    seed(s);
    RoundResult result;
    result.health_per_second =
        health_requests_per_second(s.base_url(), s.key, std::chrono::milliseconds(2000));
    std::vector<std::unique_ptr<VirtualUser>> virtual_users;
    for (int i = 0; i < users; ++i)
        virtual_users.push_back(std::make_unique<VirtualUser>(
            s.base_url(), s.key,
            "vu-" + std::to_string(users) + "-" + std::to_string(round) + "-" + std::to_string(i),
            static_cast<std::uint64_t>(users * 1000 + round * 100 + i), errors));
    const auto serving_cpu = [&s] {
        double total = 0;
        for (const pid_t pid : s.pids())
            total += cpu_seconds(pid);
        return total;
    };
    const double cpu_before = serving_cpu();
    const double database_cpu_before = database_cpu_seconds();
    const auto deadline = Clock::now() + duration;
    std::vector<std::thread> threads;
    for (auto& user : virtual_users)
        threads.emplace_back([&user, deadline] {
            while (Clock::now() < deadline)
                user->cycle("random", deadline);
        });
    for (auto& thread : threads)
        thread.join();
    long cycles = 0;
    for (const auto& user : virtual_users) {
        cycles += user->stats().cycles;
        result.users.push_back(user->stats());
    }
    result.cycles_per_second = static_cast<double>(cycles) / static_cast<double>(duration.count());
    const auto per_cycle_ms = [cycles](double seconds) {
        return cycles > 0 ? 1000.0 * seconds / static_cast<double>(cycles) : 0.0;
    };
    result.server_cpu_ms_per_cycle = per_cycle_ms(serving_cpu() - cpu_before);
    result.database_cpu_ms_per_cycle = per_cycle_ms(database_cpu_seconds() - database_cpu_before);
    std::printf("  round %d: %.1f task cycles/s; baseline GET /api/v1/health %.0f req/s; "
                "ratio %.4f; server CPU %.3f ms, database CPU %.3f ms per cycle\n",
                round, result.cycles_per_second, result.health_per_second,
                result.cycles_per_second / result.health_per_second, result.server_cpu_ms_per_cycle,
                result.database_cpu_ms_per_cycle);
    return result;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

// Returns the number of errors (non-2xx answers other than 503 "no task available" and 400
// "tree in aborted state").
long run_level(int users, std::chrono::seconds duration, int rounds) {
    std::printf("\n== %d concurrent user%s, %d rounds of %lld s ==\n", users, users == 1 ? "" : "s",
                rounds, static_cast<long long>(duration.count()));
    ErrorLog errors;
    std::vector<RoundResult> results;
    for (int round = 1; round <= rounds; ++round)
        results.push_back(run_round(users, duration, round, errors));

    std::array<std::vector<double>, kEndpointCount> latency;
    long no_task = 0, overtaken = 0;
    std::map<std::string, long> done_by_type;
    std::vector<double> cycles, health, ratios, cpu, database_cpu;
    for (const auto& result : results) {
        cycles.push_back(result.cycles_per_second);
        health.push_back(result.health_per_second);
        ratios.push_back(result.cycles_per_second / result.health_per_second);
        cpu.push_back(result.server_cpu_ms_per_cycle);
        database_cpu.push_back(result.database_cpu_ms_per_cycle);
        for (const UserStats& stats : result.users) {
            for (int e = 0; e < kEndpointCount; ++e)
                latency[e].insert(latency[e].end(), stats.latency_ms[e].begin(),
                                  stats.latency_ms[e].end());
            no_task += stats.no_task;
            overtaken += stats.overtaken;
            for (const auto& [type, count] : stats.done_by_type)
                done_by_type[type] += count;
        }
    }
    std::printf("  median: %.1f task cycles/s (rounds %.1f to %.1f); baseline health %.0f req/s; "
                "median ratio %.4f; median CPU per cycle: server %.3f ms, database %.3f ms\n",
                median(cycles), *std::min_element(cycles.begin(), cycles.end()),
                *std::max_element(cycles.begin(), cycles.end()), median(health), median(ratios),
                median(cpu), median(database_cpu));
    std::string mix;
    for (const auto& [type, count] : done_by_type)
        mix += (mix.empty() ? "" : ", ") + type + " " + std::to_string(count);
    std::printf("  done by type (all rounds): %s\n", mix.c_str());
    std::printf("  %-46s %7s %8s %8s %8s %8s\n", "latency (ms), all rounds", "count", "p50", "p95",
                "p99", "max");
    for (int e = 0; e < kEndpointCount; ++e) {
        auto& values = latency[e];
        if (values.empty() && e == kNack) continue;
        std::sort(values.begin(), values.end());
        std::printf("  %-46s %7zu %8.2f %8.2f %8.2f %8.2f\n", kEndpointNames[e], values.size(),
                    percentile(values, 0.50), percentile(values, 0.95), percentile(values, 0.99),
                    values.empty() ? 0.0 : values.back());
    }
    std::printf("  no task available (HTTP 503, code 1006; not an error): %ld\n", no_task);
    std::printf("  tree ended before the answer (HTTP 400, code 2010; not an error): %ld\n",
                overtaken);
    std::printf("  errors (any other non-2xx): %ld\n", errors.total());
    errors.print("    ");
    return errors.total();
}

} // namespace

int main(int argc, char** argv) {
    // Progress lines show up as they happen when the output goes to a file or a pipe.
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const long seconds = argc > 1 ? std::atol(argv[1]) : 8;
    const long rounds = argc > 2 ? std::atol(argv[2]) : 3;
    std::vector<int> levels = {1, 8, 32};
    if (argc > 3) levels = {std::atoi(argv[3])};
    if (seconds <= 0 || rounds <= 0 || levels.front() <= 0) {
        std::fprintf(stderr, "usage: bench_task_load [seconds per round, default 8] "
                             "[rounds per level, default 3] [users, default 1, 8 and 32]\n");
        return 2;
    }
    // (ORCHARD_TEST_POSTGRES set: the same load on PostgreSQL, tests/support/test_database.h.)
    std::printf("Task lifecycle load against the real orchard serve (%s).\n",
                orchard::test::on_postgres() ? "PostgreSQL, one server" : "SQLite, group commit");
    long errors = 0;
    for (int users : levels)
        errors += run_level(users, std::chrono::seconds(seconds), static_cast<int>(rounds));

    // Leaderboard reads are measured at scale by bench_rewards (100,000 users).
    // Like bench_http_health: figures are never judged, but failed requests are worth a look.
    return errors == 0 ? 0 : 1;
}
