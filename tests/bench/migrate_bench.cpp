// `orchard migrate` of a large SQLite installation (issue 21: the 1,000,000-message database) into
// PostgreSQL, as an operator runs it (the real binary, a child process), against the plainest copy
// of the same rows in the same run: sqlite3's CSV piped into psql's \copy, table by table, into
// tables with the same columns (generated ones computed, as in the real ones) and no keys,
// indexes or checks beyond NOT NULL ("how fast can these rows move at all"). Prints the median
// wall time of several rounds, rows per second, the ratio to the baseline, migrate's peak
// resident memory, and then the invariant checker (tests/support/stored_invariants.h) on the copy
// of the last round.
//
// Usage: ORCHARD_TEST_POSTGRES=postgresql://user@host:port bench_migrate [trees, default 74000:
// about 800,000 messages and 4,000,000 rows in all] [rounds, default 3].
// scripts/postgres_cluster.sh start DIR starts a throw-away cluster and writes its URL to DIR/url.
// With ORCHARD_BENCH_DIR=FOLDER the SQLite database is kept there (and reused when it exists).
#include "tests/bench/bench_database.h"
#include "tests/bench/child_process.h"
#include "tests/bench/percentile.h"
#include "tests/support/database_query.h"
#include "tests/support/orchard_cli.h"
#include "tests/support/stored_invariants.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_database.h"

#include <fstream>
#include <iterator>
#include <sstream>

namespace {

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// The tables in `schema` of `target`'s database.
std::vector<std::string> tables_in(const std::filesystem::path& target, const std::string& schema) {
    std::istringstream names(orchard::test::query_text(
        target, "SELECT string_agg(table_name, ' ' ORDER BY table_name) FROM "
                "information_schema.tables WHERE table_schema = '" +
                    schema + "' AND table_type = 'BASE TABLE'"));
    return {std::istream_iterator<std::string>(names), {}};
}

// The rows of every table in `schema` of `target`'s database.
long long rows_in(const std::filesystem::path& target, const std::string& schema) {
    long long rows = 0;
    for (const auto& table : tables_in(target, schema))
        rows += orchard::test::query_int(target, "SELECT count(*) FROM " + schema + "." + table);
    return rows;
}

// The baseline into `target`'s database (which the migrate round made): every table both sides
// have, copied by sqlite3 -csv | psql \copy into schema baseline. Returns the seconds it took, or
// a negative number when a table would not copy.
double copy_baseline(const std::filesystem::path& sqlite_file,
                     const std::filesystem::path& target) {
    const std::string url = orchard::test::database_url(target);
    std::string setup = "DROP SCHEMA IF EXISTS baseline CASCADE; CREATE SCHEMA baseline;";
    std::string script;
    for (const auto& table : tables_in(target, "public")) {
        setup +=
            " CREATE TABLE baseline." + table + " (LIKE public." + table + " INCLUDING GENERATED);";
        const std::string columns = orchard::test::query_text(
            target, "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY "
                    "ordinal_position) FROM information_schema.columns WHERE "
                    "table_schema = 'public' AND is_generated = 'NEVER' AND table_name = '" +
                        table + "'");
        script +=
            "sqlite3 -readonly -csv " + quoted(sqlite_file.string()) + " " +
            quoted("SELECT " + columns + " FROM " + table) + " | psql -X -q " + quoted(url) +
            " -v ON_ERROR_STOP=1 -c " +
            quoted("\\copy baseline." + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)") +
            " || exit 1\n";
    }
    orchard::test::execute_sql(target, setup);
    std::ofstream(target / "baseline.sh") << "set -eo pipefail\n" << script;
    const auto run = orchard::bench::run_child({"bash", (target / "baseline.sh").string()},
                                               target / "baseline.out", target / "baseline.err");
    if (run.status != 0) {
        std::fprintf(stderr, "the baseline copy failed:\n%s\n",
                     orchard::test::read_file(target / "baseline.err").c_str());
        return -1;
    }
    // Every row arrived (sqlite3 and psql both took every value as it is).
    const long long copied = rows_in(target, "baseline");
    if (copied != rows_in(target, "public")) {
        std::fprintf(stderr, "the baseline copied %lld rows\n", copied);
        return -1;
    }
    orchard::test::execute_sql(target, "DROP SCHEMA baseline CASCADE");
    return run.seconds;
}

} // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const long trees = argc > 1 ? std::atol(argv[1]) : 74000;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
    if (trees <= 0 || rounds <= 0 || !orchard::test::on_postgres()) {
        std::fprintf(stderr, "usage: ORCHARD_TEST_POSTGRES=postgresql://user@host:port "
                             "bench_migrate [trees, default 74000] [rounds, default 3]\n");
        return 2;
    }
    orchard::test::TempDir temp;
    std::filesystem::path source;
    {
        // The installation being moved is SQLite's, whatever store the run's helpers use.
        orchard::test::SqliteHere sqlite;
        source = orchard::bench::bench_database(trees, temp.path() / "source");
        if (source.empty()) {
            std::fprintf(stderr, "generating the database failed\n");
            return 1;
        }
        std::printf("source: %lld messages, %.0f MB\n",
                    orchard::test::query_int(source, "SELECT count(*) FROM messages"),
                    orchard::bench::file_mb(source / "orchard.db"));
    }
    const auto sqlite_file = source / "orchard.db";

    long long rows = 0; // in every table copied, as migrate verified them on both sides
    std::vector<double> migrate_times, baseline_times;
    double peak = 0;
    int failures = 0;
    for (int round = 0; round < rounds; ++round) {
        orchard::test::TempDir target; // a database of its own, dropped at the end of the round
        const std::string url = orchard::test::database_url(target.path());
        const auto run = orchard::bench::run_child(
            {ORCHARD_SERVER_BINARY, "migrate", "--from", sqlite_file.string(), "--to", url},
            target.path() / "migrate.out", target.path() / "migrate.err");
        if (run.status != 0) {
            ++failures;
            std::fprintf(stderr, "migrate failed:\n%s\n",
                         orchard::test::read_file(target.path() / "migrate.err").c_str());
            continue;
        }
        migrate_times.push_back(run.seconds);
        if (round == 0) rows = rows_in(target.path(), "public");
        peak = std::max(peak, run.peak_mb);
        const double baseline = copy_baseline(sqlite_file, target.path());
        if (baseline > 0) baseline_times.push_back(baseline);
        std::printf("round %d: migrate %.1f s (peak %.0f MB), baseline %.1f s\n", round + 1,
                    run.seconds, run.peak_mb, baseline);
        if (round + 1 < rounds) continue;

        // The last round's copy: what migrate's own verification said, the invariant checker,
        // and the rows there against the source's.
        std::printf("migrate said: %s",
                    orchard::test::read_file(target.path() / "migrate.out").c_str());
        const auto broken = orchard::test::broken_invariants(target.path());
        for (const auto& rule : broken)
            std::printf("BROKEN: %s (%lld rows)\n", rule.rule.c_str(), rule.rows);
        std::printf("invariant checker: %zu of %zu rules broken\n", broken.size(),
                    orchard::test::stored_invariants().size());
        if (!broken.empty()) ++failures;
    }
    if (migrate_times.empty()) return 1;
    const double median = orchard::bench::percentile(migrate_times, 0.5);
    std::printf("\nmigrate: median %.1f s, %.0f rows/s, peak %.0f MB", median,
                static_cast<double>(rows) / median, peak);
    if (!baseline_times.empty()) {
        const double base = orchard::bench::percentile(baseline_times, 0.5);
        std::printf("; sqlite3 | psql \\copy baseline: median %.1f s, %.0f rows/s; ratio %.2f",
                    base, static_cast<double>(rows) / base, median / base);
    }
    std::printf("\n");
    return failures == 0 ? 0 : 1;
}
