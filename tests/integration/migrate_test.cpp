// `orchard migrate` as an operator runs it (issue 21): a SQLite installation that was used (the
// sample, contributions, points, news, an admin's audited change) is copied into PostgreSQL and
// verified; a server on the copy answers as the original did and goes on numbering new rows after
// the copied ones; a copy that failed halfway goes on where it stopped when run again; a target
// that holds data is refused.
#include "tests/support/database_query.h"
#include "tests/support/frontend.h"
#include "tests/support/orchard_cli.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_database.h"
#include "tests/support/test_server.h"

#include "server/store/database.h"

#include <catch2/catch.hpp>

using nlohmann::json;
using orchard::test::Frontend;
using orchard::test::TempDir;
using orchard::test::TestServer;

namespace {

// What a person sees of the data: the all-time board and the system's counts.
json visible_state(Frontend& frontend) {
    json board = frontend.get("/api/v1/leaderboards/total?max_count=100").body;
    json stats = frontend.get("/api/v1/stats").body;
    board.erase("last_updated"); // when it was read
    stats.erase("last_updated");
    return {{"board", board}, {"stats", stats}};
}

struct Used {
    json seen;
    long long messages = 0, ledger = 0, audit = 0;
};

// A SQLite installation as it is after some use.
Used use_sqlite_installation(const std::filesystem::path& dir) {
    orchard::test::SqliteHere sqlite;
    const std::string key = orchard::test::create_api_key(dir, true);
    TestServer server(dir, {"--quiet", "--demo"});
    Frontend frontend(server.base_url(), key);
    REQUIRE(frontend.put("/api/v1/admin/config", {{"num_reviews_initial_prompt", 1}}).status ==
            200);
    for (int i = 0; i < 30; ++i)
        orchard::test::do_one_task(frontend, "user" + std::to_string(i % 5));
    Used used;
    used.seen = visible_state(frontend);
    server.stop();
    used.messages = orchard::test::query_int(dir, "SELECT count(*) FROM messages");
    used.ledger = orchard::test::query_int(dir, "SELECT count(*) FROM ledger");
    used.audit = orchard::test::query_int(dir, "SELECT count(*) FROM audit_log");
    REQUIRE(used.ledger > 0);
    REQUIRE(used.audit > 0);
    return used;
}

orchard::test::CliRun migrate(const std::filesystem::path& from, const std::filesystem::path& to) {
    return orchard::test::run_orchard("migrate --from '" + (from / "orchard.db").string() +
                                          "' --to '" + orchard::test::database_url(to) + "'",
                                      to);
}

} // namespace

TEST_CASE("migrate: a used SQLite installation moves to PostgreSQL, verified, and works there",
          "[postgresql]") {
    REQUIRE(orchard::test::on_postgres());
    TempDir source, target;
    const Used used = use_sqlite_installation(source.path());

    const auto run = migrate(source.path(), target.path());
    INFO(run.errors);
    REQUIRE(run.exit_code == 0);
    CHECK(orchard::test::query_int(target.path(), "SELECT count(*) FROM messages") ==
          used.messages);
    CHECK(orchard::test::query_int(target.path(), "SELECT count(*) FROM ledger") == used.ledger);
    CHECK(orchard::test::query_int(target.path(), "SELECT count(*) FROM audit_log") == used.audit);
    // The copy's bookkeeping is gone once verified.
    CHECK(orchard::test::query_int(target.path(),
                                   "SELECT count(*) FROM information_schema.tables WHERE "
                                   "table_name = 'migrate_progress'") == 0);

    // A server on the copy shows what the SQLite one showed, and goes on from there: new rows are
    // numbered after the copied ones, and the audit log's chain still holds.
    const std::string key = orchard::test::create_api_key(target.path(), true);
    TestServer server(target.path(), {"--quiet"});
    Frontend frontend(server.base_url(), key);
    CHECK(visible_state(frontend) == used.seen);
    for (int i = 0; i < 10; ++i)
        orchard::test::do_one_task(frontend, "user" + std::to_string(i % 5));
    CHECK(orchard::test::query_int(target.path(), "SELECT count(*) FROM ledger") > used.ledger);
    CHECK(orchard::test::run_orchard("audit verify --data '" + target.path().string() + "'",
                                     target.path())
              .exit_code == 0);

    // Run again, the target is taken: refused, nothing changed.
    const auto again = migrate(source.path(), target.path());
    CHECK(again.exit_code == 1);
    CHECK(again.errors.find("already holds Orchard data") != std::string::npos);
}

TEST_CASE("migrate: a copy that failed halfway goes on where it stopped", "[postgresql]") {
    REQUIRE(orchard::test::on_postgres());
    TempDir source, target;
    const Used used = use_sqlite_installation(source.path());
    // The target refuses the tasks for now (a full disk, say): the copy stops at that table.
    orchard::store::Database::open_data(target.path(), orchard::test::database_url(target.path()));
    orchard::test::execute_sql(
        target.path(),
        "CREATE FUNCTION refuse_rows() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE "
        "EXCEPTION 'no room for tasks'; END $$; CREATE TRIGGER refuse_tasks BEFORE INSERT ON "
        "tasks FOR EACH ROW EXECUTE FUNCTION refuse_rows()");
    const auto failed = migrate(source.path(), target.path());
    CHECK(failed.exit_code == 1);
    CHECK(failed.errors.find("no room for tasks") != std::string::npos);
    const long long done_before =
        orchard::test::query_int(target.path(), "SELECT count(*) FROM migrate_progress");
    CHECK(done_before > 0);

    orchard::test::execute_sql(target.path(), "DROP TRIGGER refuse_tasks ON tasks");
    const auto resumed = migrate(source.path(), target.path());
    INFO(resumed.errors);
    REQUIRE(resumed.exit_code == 0);
    CHECK(orchard::test::query_int(target.path(), "SELECT count(*) FROM messages") ==
          used.messages);
    CHECK(orchard::test::query_int(target.path(), "SELECT count(*) FROM ledger") == used.ledger);
}
