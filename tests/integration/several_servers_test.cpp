// Several Orchard servers on one PostgreSQL database (issue 21, docs/scaling.md): what one server
// kept in memory is shared through the database (rate limits, the news webhook's one sender),
// and three servers behind HAProxy with deploy/haproxy.cfg, one of them killed with SIGKILL in the
// middle of the load, lose nothing they confirmed and take no step twice. The client's address
// behind a trusted proxy is tested on both stores.
#include "tests/bench/bench_answers.h"
#include "tests/support/background_listen.h"
#include "tests/support/database_query.h"
#include "tests/support/frontend.h"
#include "tests/support/haproxy.h"
#include "tests/support/raw_http.h"
#include "tests/support/stored_invariants.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_database.h"
#include "tests/support/test_server.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

using nlohmann::json;
using orchard::test::ApiAnswer;
using orchard::test::Frontend;
using orchard::test::TempDir;
using orchard::test::TestServer;
using Clock = std::chrono::steady_clock;

namespace {

// A guest account made with an X-Forwarded-For header, on a raw connection: its status.
int guest_forwarded_for(int port, const std::string& forwarded_for) {
    orchard::test::RawConnection connection(port);
    REQUIRE(connection.connected());
    const std::string body = json{{"display_name", "Visitor"}}.dump();
    REQUIRE(connection.send("POST /api/v1/auth/guest HTTP/1.1\r\nHost: orchard\r\n"
                            "Content-Type: application/json\r\nX-Forwarded-For: " +
                            forwarded_for + "\r\nContent-Length: " + std::to_string(body.size()) +
                            "\r\n\r\n" + body));
    const auto answer = connection.read_response(std::chrono::seconds(10));
    REQUIRE(answer);
    return answer->status;
}

// Records the bodies posted to /hook.
struct Receiver {
    httplib::Server http;
    std::thread thread;
    int port = 0;
    std::atomic<long> received = 0;
    Receiver() {
        http.Post("/hook", [this](const httplib::Request&, httplib::Response& response) {
            ++received;
            response.status = 204;
        });
        port = http.bind_to_any_port("127.0.0.1");
        thread = orchard::test::listen_in_background(http);
    }
    ~Receiver() {
        http.stop();
        thread.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port) + "/hook"; }
};

// What the contributors were told, gathered from every thread.
struct Ledger {
    std::mutex mutex;
    std::map<std::string, std::string> handed_to; // task id → the user it was handed to
    std::vector<std::string> twice;               // task ids handed to a second user
    std::vector<std::string> confirmed;           // tasks whose interaction was answered task_done
    long unanswered = 0;                          // requests a dying server never answered

    void handed(const std::string& task, const std::string& user) {
        std::lock_guard lock(mutex);
        const auto [it, added] = handed_to.emplace(task, user);
        if (!added && it->second != user) twice.push_back(task);
    }
    void done(const std::string& task) {
        std::lock_guard lock(mutex);
        confirmed.push_back(task);
    }
    void lost_answer() {
        std::lock_guard lock(mutex);
        ++unanswered;
    }
};

// One contributor's task cycle through the proxy, tolerating the answers of a server that died
// under it (no answer, 502, 503): then the cycle is simply left, as a frontend would.
void contribute(Frontend& frontend, const std::string& user, long serial, std::mt19937_64& rng,
                Ledger& ledger) {
    const ApiAnswer task = frontend.request_task(user, "random");
    if (task.status != 200) {
        if (task.status == 0 || task.status >= 502) ledger.lost_answer();
        if (task.status == 503) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        return;
    }
    const std::string task_id = task.body.value("id", "");
    const std::string kind = task.body.value("type", "");
    ledger.handed(task_id, user);
    const std::string frontend_id = "fe-" + user + "-" + std::to_string(serial);
    if (frontend.ack(user, task_id, frontend_id).status != 204) return;
    json body;
    if (kind == "initial_prompt" || kind == "assistant_reply" || kind == "prompter_reply")
        body = {{"type", "text_reply_to_message"},
                {"message_id", frontend_id},
                {"user_message_id", "msg-" + user + "-" + std::to_string(serial)},
                {"text", "Contribution " + std::to_string(serial) + " of " + user + ", a " + kind +
                             " with some words to it."},
                {"lang", "en"}};
    else if (kind.starts_with("label_")) {
        json labels = json::object();
        for (const auto& name : task.body.value("valid_labels", json::array()))
            labels[name.get<std::string>()] = 0.0;
        body = orchard::bench::labels_interaction(task.body, labels);
    } else {
        body = orchard::bench::shuffled_ranking_interaction(task.body, frontend_id, rng);
    }
    const ApiAnswer done = frontend.interaction(user, body);
    if (done.status == 200 && done.body.value("type", "") == "task_done") ledger.done(task_id);
    if (done.status == 0 || done.status == 502) ledger.lost_answer();
}

} // namespace

TEST_CASE("several servers: behind a trusted proxy each client's address is counted apart") {
    TempDir dir;
    const std::string key = orchard::test::create_api_key(dir.path(), true);
    TestServer proxied(dir.path(), {"--quiet", "--trusted-proxy", "127.0.0.1"});
    Frontend admin(proxied.base_url(), key);
    REQUIRE(admin.put("/api/v1/admin/config", {{"new_accounts_per_address", 2}}).status == 200);
    CHECK(guest_forwarded_for(proxied.port(), "203.0.113.1") == 201);
    // What a client writes before the proxy's own entry is not taken for its address.
    CHECK(guest_forwarded_for(proxied.port(), "198.51.100.7, 203.0.113.1") == 201);
    CHECK(guest_forwarded_for(proxied.port(), "203.0.113.1") == 429);
    CHECK(guest_forwarded_for(proxied.port(), "203.0.113.2") == 201);
    proxied.stop();

    // Without --trusted-proxy, the header changes nothing: everyone here is 127.0.0.1.
    TestServer direct(dir.path(), {"--quiet"});
    CHECK(guest_forwarded_for(direct.port(), "203.0.113.3") == 201);
    CHECK(guest_forwarded_for(direct.port(), "203.0.113.4") == 201);
    CHECK(guest_forwarded_for(direct.port(), "203.0.113.5") == 429);
}

TEST_CASE("several servers: a rate limit counts requests on every server", "[postgresql]") {
    REQUIRE(orchard::test::on_postgres());
    TempDir dir;
    const std::string key = orchard::test::create_api_key(dir.path(), true);
    TestServer first(dir.path(), {"--quiet"});
    TestServer second(dir.path(), {"--quiet"});
    Frontend one(first.base_url(), key);
    Frontend other(second.base_url(), key);
    REQUIRE(one.put("/api/v1/admin/config",
                    {{"task_requests_per_user", 3}, {"task_requests_period_sec", 60}})
                .status == 200);
    CHECK(one.request_task("ada", "initial_prompt").status == 200);
    CHECK(other.request_task("ada", "initial_prompt").status == 200);
    CHECK(one.request_task("ada", "initial_prompt").status == 200);
    const ApiAnswer refused = other.request_task("ada", "initial_prompt");
    CHECK(refused.status == 429);
    CHECK(refused.error_code() == 429);
    CHECK(other.request_task("bob", "initial_prompt").status == 200);
}

TEST_CASE("several servers: three behind HAProxy, one killed mid-load, lose and double nothing",
          "[postgresql]") {
    REQUIRE(orchard::test::on_postgres());
    TempDir dir;
    Receiver receiver;
    const std::string key = orchard::test::create_api_key(dir.path(), true);
    std::vector<std::unique_ptr<TestServer>> servers;
    for (int i = 0; i < 3; ++i)
        servers.push_back(std::make_unique<TestServer>(
            dir.path(),
            std::vector<std::string>{"--quiet", "--trusted-proxy", "127.0.0.1",
                                     "--max-connections-per-address", "0", "--news-webhook-url",
                                     receiver.url(), "--news-webhook-allow-private"}));
    std::vector<int> ports;
    for (const auto& server : servers)
        ports.push_back(server->port());
    orchard::test::Haproxy proxy(ports, dir.path());
    Frontend admin(proxy.url(), key);
    // Reviews and rankings few enough that trees move on (news, points, transitions) within
    // the run; limits lifted, as the load is a few fast robots behind one key.
    REQUIRE(admin
                .put("/api/v1/admin/config", {{"num_reviews_initial_prompt", 1},
                                              {"num_reviews_reply", 1},
                                              {"num_required_rankings", 1},
                                              {"max_active_trees", 20},
                                              {"task_requests_per_user", 1000000},
                                              {"assistant_reply_requests_per_user", 1000000},
                                              {"prompter_reply_requests_per_user", 1000000},
                                              {"task_requests_per_api_client", 100000000}})
                .status == 200);

    Ledger ledger;
    std::atomic<bool> running = true;
    std::vector<std::thread> users;
    for (int u = 0; u < 6; ++u)
        users.emplace_back([&, u] {
            Frontend frontend(proxy.url(), key);
            std::mt19937_64 rng(static_cast<std::uint64_t>(u));
            const std::string user = "user" + std::to_string(u);
            for (long serial = 0; running; ++serial)
                contribute(frontend, user, serial, rng, ledger);
        });
    std::this_thread::sleep_for(std::chrono::seconds(8));
    servers[1]->kill_hard(); // in the middle of whatever it was doing
    std::this_thread::sleep_for(std::chrono::seconds(8));
    running = false;
    for (auto& user : users)
        user.join();

    INFO("confirmed " << ledger.confirmed.size() << ", answers lost " << ledger.unanswered);
    REQUIRE(ledger.confirmed.size() > 50);
    CHECK(ledger.twice.empty());
    // Every contribution a server confirmed is stored as done.
    std::string ids;
    for (const auto& task : ledger.confirmed)
        ids += (ids.empty() ? "'" : ",'") + task + "'";
    CHECK(orchard::test::query_int(
              dir.path(), "SELECT count(*) FROM tasks WHERE done = 1 AND id IN (" + ids + ")") ==
          static_cast<long long>(ledger.confirmed.size()));

    // No transition taken twice and the leaderboards equal to their recomputation from the
    // ledger, over everything stored (tests/support/stored_invariants.h), with work to check.
    CHECK(orchard::test::query_int(dir.path(),
                                   "SELECT count(*) FROM ledger WHERE kind IN (6, 7, 8, 9)") > 0);
    CHECK(orchard::test::query_int(dir.path(), "SELECT count(*) FROM score_frames") > 0);
    for (const auto& broken : orchard::test::broken_invariants(dir.path())) {
        INFO(broken.rule);
        CHECK(broken.rows == 0);
    }

    // The webhook got every news item: once from the one sender, with at most the item in flight
    // when it was killed sent again by the server that took over.
    const long long news = orchard::test::query_int(dir.path(), "SELECT count(*) FROM news");
    REQUIRE(news > 0);
    const auto deadline = Clock::now() + std::chrono::seconds(40);
    while (receiver.received < news && Clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(receiver.received >= news);
    CHECK(receiver.received <= news + 1);
}
