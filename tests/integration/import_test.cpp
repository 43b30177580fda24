// `orchard import` as a person runs it: an Open-Assistant file written by hand in its format
// survives import and export field by field; import → export → import → export gives the same
// bytes; a malformed line changes nothing and is reported by number; a second import adds
// nothing; gzip files are read too.
#include "tests/support/frontend.h"
#include "tests/support/orchard_cli.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_database.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>

using json = nlohmann::json;
using orchard::test::read_file;
using orchard::test::read_lines;
using orchard::test::run_orchard;
using orchard::test::TempDir;

namespace {

const std::filesystem::path kOasstFile =
    std::filesystem::path(ORCHARD_SOURCE_DIR) / "tests/data/oasst2_handwritten.jsonl";

orchard::test::CliRun import_file(const std::filesystem::path& dir,
                                  const std::filesystem::path& file,
                                  const std::string& options = "") {
    return run_orchard("import '" + file.string() + "' --data '" + dir.string() + "' " + options,
                       dir);
}

std::vector<json> export_all(const std::filesystem::path& dir, const std::string& name) {
    const auto file = dir / name;
    const auto run = run_orchard(
        "export --quiet --all --data '" + dir.string() + "' --out '" + file.string() + "'", dir);
    INFO(run.errors);
    REQUIRE(run.exit_code == 0);
    return read_lines(file);
}

void nodes_by_id(const json& node, std::map<std::string, json>& out) {
    out[node["message_id"].get<std::string>()] = node;
    if (node.contains("replies"))
        for (const auto& reply : node["replies"])
            nodes_by_id(reply, out);
}

} // namespace

TEST_CASE("import: an Open-Assistant file survives import and export field by field") {
    TempDir dir;
    const auto run = import_file(dir.path(), kOasstFile);
    INFO(run.errors);
    REQUIRE(run.exit_code == 0);
    CHECK(run.errors.find("Imported 1 trees, 6 messages") != std::string::npos);
    const auto original = json::parse(read_file(kOasstFile));
    const auto trees = export_all(dir.path(), "out.jsonl");
    REQUIRE(trees.size() == 1);
    CHECK(trees[0]["message_tree_id"] == original["message_tree_id"]);
    CHECK(trees[0]["origin"] == original["origin"]);
    CHECK(trees[0]["tree_state"] == "ready_for_export");
    std::map<std::string, json> in, out;
    nodes_by_id(original["prompt"], in);
    nodes_by_id(trees[0]["prompt"], out);
    REQUIRE(in.size() == out.size());
    for (const auto& [id, given] : in) {
        INFO(id);
        REQUIRE(out.contains(id));
        const auto& back = out[id];
        for (const char* field :
             {"parent_id", "user_id", "text", "role", "lang", "review_count", "review_result",
              "deleted", "rank", "synthetic", "model_name", "emojis"}) {
            INFO(field);
            // Null (or absent) fields are left out of Orchard's export (PROTOCOL.md §8).
            const json value = given.contains(field) ? given[field] : json();
            if (value.is_null() || (value.is_object() && value.empty()))
                CHECK_FALSE(back.contains(field));
            else
                CHECK(back[field] == value);
        }
        // Dates to the millisecond: "2023-02-05T14:23:50.983374+00:00" → "…50.983Z".
        const std::string date = given["created_date"];
        CHECK(back["created_date"].get<std::string>().substr(0, 19) == date.substr(0, 19));
        // Label averages and counts as given; labels nobody gave a value for are left out.
        if (given.contains("labels")) {
            for (const auto& [name, average] : given["labels"].items()) {
                INFO(name);
                if (average["value"].is_null()) {
                    CHECK_FALSE(back["labels"].contains(name));
                    continue;
                }
                CHECK(back["labels"][name]["value"] == average["value"]);
                CHECK(back["labels"][name]["count"] == average["count"]);
            }
        } else {
            CHECK_FALSE(back.contains("labels"));
        }
        // Replies in rank order, unranked last.
        if (back.contains("replies") && back["replies"].size() > 1)
            CHECK(back["replies"][0]["rank"] == 0);
    }
}

TEST_CASE("import: import, export, import, export gives the same bytes") {
    TempDir dir;
    // Every sample tree, as a server holds them.
    {
        const std::string key = orchard::test::create_api_key(dir.path(), false);
        orchard::test::TestServer server(dir.path(), {"--demo", "--quiet"});
    }
    export_all(dir.path(), "first.jsonl");
    TempDir second, third;
    REQUIRE(import_file(second.path(), dir.path() / "first.jsonl").exit_code == 0);
    const auto once = export_all(second.path(), "again.jsonl");
    REQUIRE(once.size() == 50);
    REQUIRE(import_file(third.path(), second.path() / "again.jsonl").exit_code == 0);
    export_all(third.path(), "twice.jsonl");
    CHECK(read_file(second.path() / "again.jsonl") == read_file(third.path() / "twice.jsonl"));
    // The first import kept everything but the trees' states (imported trees are ready).
    auto strip_state = [](std::vector<json> trees) {
        for (auto& tree : trees)
            tree.erase("tree_state");
        return trees;
    };
    CHECK(strip_state(read_lines(dir.path() / "first.jsonl")) == strip_state(once));
}

TEST_CASE("import: a malformed line changes nothing and is named by its number") {
    TempDir dir;
    const auto file = dir.path() / "mixed.jsonl";
    {
        std::ofstream out(file);
        out << read_file(kOasstFile);
        out << "{\"message_tree_id\": \"x\", \"prompt\": {\"message_id\": \"x\", \"role\": "
               "\"assistant\", \"text\": \"Hi\"}}\n";
        out << "not json\n";
    }
    auto run = import_file(dir.path(), file);
    CHECK(run.exit_code == 1);
    CHECK(run.errors.find("line 2: message x: a tree starts with a prompter message") !=
          std::string::npos);
    CHECK(run.errors.find("line 3: not JSON") != std::string::npos);
    CHECK(run.errors.find("Nothing was imported") != std::string::npos);
    CHECK(export_all(dir.path(), "none.jsonl").empty());
    // With --skip-bad, the good line.
    run = import_file(dir.path(), file, "--skip-bad");
    CHECK(run.exit_code == 0);
    CHECK(export_all(dir.path(), "one.jsonl").size() == 1);
}

TEST_CASE("import: the same file twice adds nothing, and gzip files are read too") {
    TempDir dir;
    const auto packed = dir.path() / "trees.jsonl.gz";
    REQUIRE(std::system(
                ("gzip -c '" + kOasstFile.string() + "' > '" + packed.string() + "'").c_str()) ==
            0);
    REQUIRE(import_file(dir.path(), packed).exit_code == 0);
    const auto before =
        orchard::test::on_postgres() ? 1 : read_file(dir.path() / "orchard.db").size();
    const auto first = export_all(dir.path(), "first.jsonl");
    const auto run = import_file(dir.path(), kOasstFile);
    CHECK(run.exit_code == 0);
    CHECK(run.errors.find("Imported 0 trees, 0 messages from 1 lines; 1 trees were there") !=
          std::string::npos);
    CHECK(export_all(dir.path(), "second.jsonl") == first);
    CHECK(before > 0);
}

TEST_CASE("import: a growing import lets people extend the trees") {
    TempDir dir;
    REQUIRE(import_file(dir.path(), kOasstFile, "--as growing").exit_code == 0);
    const auto trees = export_all(dir.path(), "out.jsonl");
    REQUIRE(trees.size() == 1);
    CHECK(trees[0]["tree_state"] == "growing");
    const auto wrong = import_file(dir.path(), kOasstFile, "--as finished");
    CHECK(wrong.exit_code == 2);
    CHECK(wrong.errors.find("--as is ready or growing") != std::string::npos);
}
