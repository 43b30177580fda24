// The news feed's outgoing webhook with the real server (issue 6): news reach a receiver as a
// Discord-compatible body; a receiver that hangs never slows anyone's task requests; loopback
// and private addresses are refused unless the server is told to allow them.
#include "tests/support/background_listen.h"
#include "tests/support/frontend.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <thread>

using nlohmann::json;
using orchard::test::Frontend;
using orchard::test::TempDir;
using orchard::test::TestServer;

namespace {

// An HTTP server on a free loopback port that records what is posted to /hook, answering after
// `delay`.
struct Receiver {
    httplib::Server http;
    std::thread thread;
    int port = 0;
    std::mutex mutex;
    std::vector<json> bodies;
    std::chrono::milliseconds delay{0};
    std::atomic<bool> closing = false;

    explicit Receiver(std::chrono::milliseconds answer_after = std::chrono::milliseconds(0))
        : delay(answer_after) {
        http.Post("/hook", [this](const httplib::Request& request, httplib::Response& response) {
            for (auto waited = std::chrono::milliseconds(0); waited < delay && !closing;
                 waited += std::chrono::milliseconds(50))
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            std::lock_guard lock(mutex);
            bodies.push_back(json::parse(request.body, nullptr, false));
            response.status = 204;
        });
        port = http.bind_to_any_port("127.0.0.1");
        thread = orchard::test::listen_in_background(http);
    }
    ~Receiver() {
        closing = true;
        http.stop();
        thread.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port) + "/hook"; }
    std::vector<json> received() {
        std::lock_guard lock(mutex);
        return bodies;
    }
    // Waits up to `limit` for a body whose content mentions `text`.
    bool wait_for(const std::string& text, std::chrono::seconds limit) {
        const auto end = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < end) {
            for (const auto& body : received())
                if (body.is_object() && body.value("content", "").find(text) != std::string::npos)
                    return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }
};

// Ada's prompt is accepted after one review: "prompt_accepted" news.
void make_news(TestServer& server, const std::filesystem::path& dir) {
    Frontend mod(server.base_url(), orchard::test::create_api_key(dir, true));
    REQUIRE(mod.put("/api/v1/admin/config", {{"num_reviews_initial_prompt", 1}}).status == 200);
    REQUIRE(orchard::test::do_one_task(mod, "ada", "initial_prompt") == "initial_prompt");
    REQUIRE(orchard::test::do_one_task(mod, "bob", "label_initial_prompt") ==
            "label_initial_prompt");
}

} // namespace

TEST_CASE("webhook: news reach a local receiver as a Discord-compatible body") {
    Receiver receiver;
    TempDir dir;
    TestServer server(dir.path(), {"--quiet", "--news-webhook-url", receiver.url(),
                                   "--news-webhook-allow-private"});
    make_news(server, dir.path());
    REQUIRE(receiver.wait_for("prompt was accepted", std::chrono::seconds(15)));
    for (const auto& body : receiver.received()) {
        CHECK(body["username"] == "Orchard");
        CHECK(body["allowed_mentions"]["parse"].empty());
        const std::string content = body["content"];
        if (content.find("prompt was accepted") != std::string::npos)
            CHECK(content.starts_with("User ada's prompt was accepted"));
    }
}

TEST_CASE("webhook: a receiver that hangs does not slow task requests") {
    Receiver hanging(std::chrono::seconds(60));
    TempDir dir;
    TestServer server(dir.path(), {"--quiet", "--news-webhook-url", hanging.url(),
                                   "--news-webhook-allow-private"});
    make_news(server, dir.path()); // the sender is now stuck on its first post
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    Frontend app(server.base_url(), orchard::test::create_api_key(dir.path(), false));
    auto slowest = std::chrono::milliseconds(0);
    for (int i = 0; i < 10; ++i) {
        const auto start = std::chrono::steady_clock::now();
        // Each of these adds news too (more accepted prompts), and notifies the sender.
        REQUIRE(orchard::test::do_one_task(app, "cy" + std::to_string(i), "random") != "");
        slowest = std::max(slowest, std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::steady_clock::now() - start));
    }
    // Generous: a request that waited for the webhook would take its 5 s timeout.
    CHECK(slowest < std::chrono::milliseconds(2500));
}

TEST_CASE("webhook: loopback and private addresses are refused unless allowed") {
    Receiver receiver;
    TempDir dir;
    {
        TestServer server(dir.path(), {"--quiet", "--news-webhook-url", receiver.url()});
        make_news(server, dir.path());
        std::this_thread::sleep_for(std::chrono::seconds(2));
        CHECK(receiver.received().empty());
    }
    // The same database, now allowed: news from now on arrive.
    TestServer allowed(dir.path(), {"--quiet", "--news-webhook-url", receiver.url(),
                                    "--news-webhook-allow-private"});
    Frontend mod(allowed.base_url(), orchard::test::create_api_key(dir.path(), true));
    REQUIRE(orchard::test::do_one_task(mod, "dee", "initial_prompt") == "initial_prompt");
    REQUIRE(orchard::test::do_one_task(mod, "eve", "label_initial_prompt") ==
            "label_initial_prompt");
    CHECK(receiver.wait_for("prompt was accepted", std::chrono::seconds(15)));
}
