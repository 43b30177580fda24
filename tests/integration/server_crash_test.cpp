// Nothing a person was told is saved may be lost: the server is killed with SIGKILL while four
// frontends write prompts, and after a restart every prompt it confirmed is there, once, in a
// database that passes SQLite's integrity check. This covers the commit path end to end (group
// commit, the WAL write buffer, the checkpointer).
#include "tests/support/database_query.h"
#include "tests/support/frontend.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_database.h"
#include "tests/support/test_server.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using nlohmann::json;
using orchard::test::Frontend;
using orchard::test::TempDir;
using orchard::test::TestServer;

namespace {

// Writes prompts as fresh users until a call fails (the server is gone); returns the texts the
// server confirmed with 200, counting them in `confirmed_so_far` as they come.
std::vector<std::string> write_prompts(const std::string& base_url, const std::string& key,
                                       int writer, const std::atomic<bool>& stop,
                                       std::atomic<int>& confirmed_so_far) {
    Frontend frontend(base_url, key);
    std::vector<std::string> confirmed;
    for (int i = 0; !stop; ++i) {
        const std::string user = "writer-" + std::to_string(writer) + "-" + std::to_string(i);
        auto task = frontend.request_task(user, "initial_prompt");
        if (task.status != 200) break;
        const std::string frontend_id = user + "-ack";
        if (frontend.ack(user, task.body["id"], frontend_id).status != 204) break;
        const std::string text = "Prompt " + std::to_string(i) + " of writer " +
                                 std::to_string(writer) + ": why do leaves change colour?";
        auto done = frontend.interaction(user, {{"type", "text_reply_to_message"},
                                                {"message_id", frontend_id},
                                                {"user_message_id", user + "-msg"},
                                                {"text", text},
                                                {"lang", "en"}});
        if (done.status != 200) break;
        confirmed.push_back(text);
        ++confirmed_so_far;
    }
    return confirmed;
}

} // namespace

TEST_CASE("a server killed while writing keeps every prompt it confirmed") {
    TempDir dir;
    const std::string key = orchard::test::create_api_key(dir.path(), true);
    std::vector<std::string> confirmed;
    {
        auto server = std::make_unique<TestServer>(dir.path(), std::vector<std::string>{"--quiet"});
        Frontend admin(server->base_url(), key);
        REQUIRE(admin
                    .put("/api/v1/admin/config",
                         {{"max_initial_prompt_review", 100000}, {"max_active_trees", 100000}})
                    .status == 200);
        std::atomic<bool> stop = false;
        std::atomic<int> confirmed_so_far = 0;
        std::mutex mutex;
        std::vector<std::thread> writers;
        for (int writer = 0; writer < 4; ++writer)
            writers.emplace_back([&, writer] {
                auto texts = write_prompts(server->base_url(), key, writer, stop, confirmed_so_far);
                std::lock_guard lock(mutex);
                confirmed.insert(confirmed.end(), texts.begin(), texts.end());
            });
        // Killed once the writers are well under way, mid-request for some of them: after 40
        // confirmations (about 1.5 s on a quiet machine; a fixed wait got too few on a busy one).
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (confirmed_so_far < 40 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        server->kill_hard();
        stop = true;
        for (auto& thread : writers)
            thread.join();
    }
    INFO(confirmed.size() << " prompts confirmed before the kill");
    REQUIRE(confirmed.size() >= 20);

    // The restarted server opens the database, recovering its WAL.
    TestServer restarted(dir.path(), {"--quiet"});
    REQUIRE(Frontend(restarted.base_url(), key).get("/api/v1/health").status == 200);
    if (!orchard::test::on_postgres())
        CHECK(orchard::test::query_text(dir.path(), "PRAGMA integrity_check") == "ok");
    int missing = 0;
    for (const auto& text : confirmed) // (texts of this test's own making, without quotes)
        if (orchard::test::query_int(dir.path(), "SELECT count(*) FROM messages WHERE text = '" +
                                                     text + "'") != 1)
            ++missing;
    CHECK(missing == 0);
}
