// `--database-read` with a real streaming replica of the test cluster (issue 21): the reads that
// may lag go to the replica while it keeps up; when it falls behind by more than the bound (its
// replay paused, as when it is overloaded or cut off) they go to the primary, and health says so
// with the lag; when it catches up they go back.
#include "tests/support/frontend.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_database.h"
#include "tests/support/test_server.h"

#include "server/store/postgres.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

using nlohmann::json;
using orchard::test::TempDir;
using orchard::test::TestServer;

namespace {

const std::string kScript = std::string(ORCHARD_SOURCE_DIR) + "/scripts/postgres_cluster.sh";

// A replica of the test cluster, stopped at the end.
struct Replica {
    TempDir state;
    std::string base_url;
    explicit Replica(const std::filesystem::path& primary) {
        const std::string command = kScript + " replica '" + state.path().string() + "' '" +
                                    primary.string() + "' >/dev/null";
        REQUIRE(std::system(command.c_str()) == 0);
        std::ifstream(state.path() / "url") >> base_url;
    }
    ~Replica() {
        const std::string command = kScript + " stop '" + state.path().string() + "'";
        std::system(command.c_str());
    }
};

json health(TestServer& server) {
    httplib::Client client(server.base_url());
    auto answer = client.Get("/api/v1/health");
    return answer ? json::parse(answer->body, nullptr, false) : json();
}

// Waits up to `limit` for health's reads_from to be `where`; the last health read.
json wait_for_reads_from(TestServer& server, const std::string& where, std::chrono::seconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    json last;
    while (std::chrono::steady_clock::now() < end) {
        last = health(server);
        if (last.is_object() && last.value("reads_from", "") == where) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return last;
}

void on_replica(const std::string& url, const std::string& sql) {
    auto connection = orchard::store::connect_postgres(url);
    orchard::store::execute(connection.get(), sql);
}

} // namespace

TEST_CASE("read replica: reads go to it while it keeps up, to the primary while it lags",
          "[postgresql]") {
    REQUIRE(orchard::test::on_postgres());
    const auto primary = orchard::test::postgres_cluster_folder();
    if (primary.empty()) {
        WARN("needs the cluster's folder (ORCHARD_TEST_POSTGRES_URL_FILE), not only its URL");
        return;
    }
    TempDir dir;
    const std::string url = orchard::test::database_url(dir.path()); // made before the copy
    const std::string key = orchard::test::create_api_key(dir.path(), true);
    Replica replica(primary);
    const std::string replica_url = replica.base_url + url.substr(url.rfind('/'));
    TestServer server(dir.path(), {"--quiet", "--database-read", replica_url});
    orchard::test::Frontend frontend(server.base_url(), key);

    json seen = wait_for_reads_from(server, "replica", std::chrono::seconds(20));
    INFO(seen.dump());
    REQUIRE(seen.value("reads_from", "") == "replica");
    CHECK(seen["replica_lag_ms"].get<long>() <= 5000);
    CHECK(frontend.get("/api/v1/leaderboards/total").status == 200);

    // The replica stops replaying while the primary is written to: past the bound, reads go to
    // the primary, which has the latest.
    on_replica(replica_url, "SELECT pg_wal_replay_pause()");
    REQUIRE(orchard::test::do_one_task(frontend, "ada", "initial_prompt") == "initial_prompt");
    seen = wait_for_reads_from(server, "primary", std::chrono::seconds(30));
    INFO(seen.dump());
    REQUIRE(seen.value("reads_from", "") == "primary");
    CHECK(seen["replica_lag_ms"].get<long>() > 5000);
    const auto board = frontend.get("/api/v1/leaderboards/total");
    CHECK(board.body.dump().find("User ada") != std::string::npos);

    // Caught up again: back to the replica.
    on_replica(replica_url, "SELECT pg_wal_replay_resume()");
    seen = wait_for_reads_from(server, "replica", std::chrono::seconds(30));
    INFO(seen.dump());
    CHECK(seen.value("reads_from", "") == "replica");
}
