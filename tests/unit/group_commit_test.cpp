// Database::write shares one transaction among the requests that arrive together (group
// commit). Each request's work must still be all-or-nothing on its own, and every thread must
// learn the fate of its own work only.
#include "server/store/database.h"
#include "server/store/statement.h"
#include "tests/support/temp_dir.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace orchard::store;

namespace {

void insert(StatementCache& statements, const std::string& key) {
    Statement(statements, "INSERT INTO server_meta (key, value) VALUES (?, 'v')")
        .bind_all(key)
        .run();
}

std::int64_t count_keys(Database& database, const std::string& prefix) {
    std::int64_t rows = 0;
    database.write([&](StatementCache& statements) {
        Statement count(statements, "SELECT count(*) FROM server_meta WHERE key LIKE ?");
        count.bind_all(prefix + "%");
        count.step();
        rows = count.column_int(0);
    });
    return rows;
}

struct Refused : std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace

TEST_CASE("group commit: every thread's work lands once, and a failing work is undone alone") {
    orchard::test::TempDir dir;
    auto database = Database::open(dir.path() / "orchard.db");
    constexpr int kThreads = 16;
    constexpr int kWritesPerThread = 200;
    std::atomic<int> refused = 0;
    std::atomic<int> wrong_fate = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kWritesPerThread; ++i) {
                const std::string key = std::to_string(t) + "-" + std::to_string(i);
                // Every 7th work writes a row and then fails: its row must not survive, and
                // only its own thread may see the failure.
                const bool fails = i % 7 == 0;
                try {
                    database->write([&](StatementCache& statements) {
                        insert(statements, (fails ? "failed " : "ok ") + key);
                        if (fails) throw Refused("refused " + key);
                    });
                    if (fails) ++wrong_fate;
                } catch (const Refused& error) {
                    if (!fails || error.what() != "refused " + key) ++wrong_fate;
                    ++refused;
                }
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    const int failing_per_thread = (kWritesPerThread + 6) / 7;
    CHECK(wrong_fate == 0);
    CHECK(refused == kThreads * failing_per_thread);
    CHECK(count_keys(*database, "ok ") == kThreads * (kWritesPerThread - failing_per_thread));
    CHECK(count_keys(*database, "failed ") == 0);
}

TEST_CASE("group commit: a constraint violation in one work leaves the others committed") {
    orchard::test::TempDir dir;
    auto database = Database::open(dir.path() / "orchard.db");
    database->write([](StatementCache& statements) { insert(statements, "taken"); });
    std::atomic<int> errors = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                try {
                    database->write([&](StatementCache& statements) {
                        insert(statements, "fresh " + std::to_string(t) + "-" + std::to_string(i));
                        if (i % 10 == 0) insert(statements, "taken"); // primary key violation
                    });
                } catch (const DatabaseError&) {
                    ++errors;
                }
            }
        });
    for (auto& thread : threads)
        thread.join();
    CHECK(errors == 8 * 5);
    // The failing works' first inserts were rolled back with them.
    CHECK(count_keys(*database, "fresh ") == 8 * 45);
    CHECK(count_keys(*database, "taken") == 1);
}

TEST_CASE("group commit: the thread running a batch also runs the work that queued meanwhile") {
    orchard::test::TempDir dir;
    auto database = Database::open(dir.path() / "orchard.db");
    std::atomic<bool> leader_running = false;
    std::atomic<bool> release_leader = false;
    std::thread::id leader_thread;
    std::thread leader([&] {
        database->write([&](StatementCache& statements) {
            leader_thread = std::this_thread::get_id();
            insert(statements, "leader");
            leader_running = true;
            while (!release_leader)
                std::this_thread::yield();
        });
    });
    while (!leader_running)
        std::this_thread::yield();
    // Three works queue while the leader's batch runs; they go in the next batch, which the
    // leader's thread runs without waking another one first.
    std::vector<std::thread::id> ran_on(3);
    std::vector<std::thread> followers;
    std::atomic<int> queued = 0;
    for (int i = 0; i < 3; ++i)
        followers.emplace_back([&, i] {
            ++queued;
            database->write([&, i](StatementCache& statements) {
                ran_on[static_cast<std::size_t>(i)] = std::this_thread::get_id();
                insert(statements, "follower " + std::to_string(i));
            });
        });
    while (queued < 3)
        std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::milliseconds(100)); // into the queue
    release_leader = true;
    leader.join();
    for (auto& follower : followers)
        follower.join();
    for (const auto& id : ran_on)
        CHECK(id == leader_thread);
    CHECK(count_keys(*database, "follower ") == 3);
}
