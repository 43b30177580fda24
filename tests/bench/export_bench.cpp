// Dataset export on a large database: `orchard export --all` in each format, as a person runs it
// (the real binary, a child process), against the sqlite3 command-line tool writing the same
// rows as JSON objects in the same run, the baseline of "how fast can these rows leave the file
// at all": the messages, and the messages with their label rows. Prints per format the median
// wall time of several rounds, messages per second, the ratio to sqlite3's median for the rows
// that format reads and for the messages alone, and the child's peak resident memory (flat
// means: the same for a database a tenth the size; run with a smaller tree count to compare).
//
// Usage: bench_export [trees, default 74000: about 1,000,000 messages] [rounds, default 3]
// With ORCHARD_BENCH_DIR=FOLDER the database is kept there (and reused when it exists).
#include "tests/bench/bench_database.h"
#include "tests/bench/child_process.h"
#include "tests/bench/percentile.h"
#include "tests/support/frontend.h"
#include "tests/support/temp_dir.h"

#include <fstream>
#include <regex>
#include <string_view>

namespace {

long exported_messages(const std::filesystem::path& errors) {
    std::ifstream in(errors);
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    std::smatch match;
    if (std::regex_search(text, match, std::regex(R"((\d+) messages)"))) return std::stol(match[1]);
    return -1;
}

} // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const long trees = argc > 1 ? std::atol(argv[1]) : 74000;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
    if (trees <= 0 || rounds <= 0) {
        std::fprintf(stderr, "usage: bench_export [trees, default 74000] [rounds, default 3]\n");
        return 2;
    }
    orchard::test::TempDir temp;
    const std::filesystem::path folder = orchard::bench::bench_database(trees, temp.path());
    if (folder.empty()) {
        std::fprintf(stderr, "generating the database failed\n");
        return 1;
    }
    struct Folder {
        const std::filesystem::path& path() const { return where; }
        std::filesystem::path where;
    } dir{folder};
    const auto out = dir.path() / "out.jsonl";
    const auto errors = dir.path() / "errors.txt";

    // The baselines: the same rows an export reads, as JSON objects, in tree order. Every
    // format reads the messages; oasst, messages and labels also read every label row (their
    // label averages), which sqlite3 best reads per message from the tree's label index.
    const std::string message_object =
        "json_object('message_id', id, 'parent_id', parent_id, 'user_id', user_id, "
        "'created_ms', created_ms, 'text', text, 'role', role, 'lang', lang, 'review_count', "
        "review_count, 'review_result', review_result, 'deleted', deleted, 'rank', rank, "
        "'synthetic', synthetic, 'model_name', model_name, 'emojis', json(emojis), "
        "'message_tree_id', message_tree_id";
    const std::string in_tree_order = " FROM messages m ORDER BY message_tree_id, depth, "
                                      "created_ms, id;";
    struct Baseline {
        const char* name;
        std::string query;
        double median = 0;
    };
    Baseline baselines[] = {
        {"messages", "SELECT " + message_object + ")" + in_tree_order},
        {"messages with their label rows",
         "SELECT " + message_object +
             ", 'labels', (SELECT json_group_array(json(l.labels)) FROM text_labels l WHERE "
             "l.message_tree_id = m.message_tree_id AND l.message_id = m.id))" +
             in_tree_order},
    };
    for (auto& baseline : baselines) {
        std::vector<double> times;
        double peak = 0;
        for (int round = 0; round < rounds; ++round) {
            const auto run = orchard::bench::run_child(
                {"sqlite3", "-readonly", (dir.path() / "orchard.db").string(), baseline.query}, out,
                errors);
            times.push_back(run.seconds);
            peak = std::max(peak, run.peak_mb);
        }
        baseline.median = orchard::bench::percentile(times, 0.5);
        std::printf("sqlite3 json_object, %s: median %.2f s, peak %.0f MB, %.1f MB written\n",
                    baseline.name, baseline.median, peak, orchard::bench::file_mb(out));
    }
    std::printf("\n%-11s %10s %12s %12s %12s %8s %8s\n", "format", "median s", "messages/s",
                "x same rows", "x messages", "peak MB", "MB out");
    int failures = 0;
    for (const char* format : {"oasst", "messages", "sft", "preference", "labels"}) {
        std::vector<double> times;
        double peak = 0;
        long messages = 0;
        for (int round = 0; round < rounds; ++round) {
            const auto run = orchard::bench::run_child({ORCHARD_SERVER_BINARY, "export", "--quiet",
                                                        "--all", "--data", dir.path().string(),
                                                        "--format", format, "--out", out.string()},
                                                       dir.path() / "stdout.txt", errors);
            if (run.status != 0) ++failures;
            times.push_back(run.seconds);
            peak = std::max(peak, run.peak_mb);
            messages = exported_messages(errors);
        }
        const double median = orchard::bench::percentile(times, 0.5);
        // sft and preference have no place for labels and read none (writes_labels).
        const bool reads_labels =
            std::string_view(format) != "sft" && std::string_view(format) != "preference";
        const double same_rows = baselines[reads_labels ? 1 : 0].median;
        std::printf("%-11s %10.2f %12.0f %12.2f %12.2f %8.0f %8.1f\n", format, median,
                    static_cast<double>(messages) / median, median / same_rows,
                    median / baselines[0].median, peak, orchard::bench::file_mb(out));
    }
    return failures == 0 ? 0 : 1;
}
