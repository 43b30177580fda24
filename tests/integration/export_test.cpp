// `orchard export` as a person runs it: the real binary on the database of a real server loaded
// with the sample conversations, each format's every field name and type checked, the same bytes
// twice, an anonymous export without one original id, the filters of PROTOCOL.md §8, and an export
// taken while a frontend keeps writing.
#include "server/domain/tree_manager.h"
#include "server/export/exporter.h"
#include "server/store/database.h"
#include "server/store/tree_store.h"
#include "tests/support/frontend.h"
#include "tests/support/orchard_cli.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_database.h"
#include "tests/support/test_server.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

using json = nlohmann::json;
using orchard::test::Frontend;
using orchard::test::TempDir;
using orchard::test::TestServer;

namespace {

using orchard::test::read_file;
using orchard::test::read_lines;

// Runs `orchard export` with `args`; its standard error is kept for the test to read.
orchard::test::CliRun run_export(const std::filesystem::path& data_dir, const std::string& args) {
    return orchard::test::run_orchard("export --quiet --data '" + data_dir.string() + "' " + args,
                                      data_dir);
}

// The exported lines of `format` with `options`, written to a file named after them.
std::vector<json> exported(const std::filesystem::path& dir, const std::string& format,
                           const std::string& options = "") {
    const auto file =
        dir / ("export-" + format + std::to_string(std::hash<std::string>{}(options)) + ".jsonl");
    const auto run =
        run_export(dir, "--format " + format + " --out '" + file.string() + "' " + options);
    INFO(run.errors);
    REQUIRE(run.exit_code == 0);
    return read_lines(file);
}

// --- The validator: every field of every format, by name and type ---------------------------

void check_keys(const json& object, const std::set<std::string>& required,
                const std::set<std::string>& optional) {
    INFO(object.dump().substr(0, 300));
    REQUIRE(object.is_object());
    for (const auto& key : required)
        CHECK(object.contains(key));
    for (const auto& [key, value] : object.items()) {
        INFO(key);
        CHECK((required.contains(key) || optional.contains(key)));
        CHECK_FALSE(value.is_null()); // §8: null fields are left out
    }
}

bool is_iso_date(const json& value) {
    const std::string text = value.get<std::string>();
    return text.size() == 24 && text[4] == '-' && text[10] == 'T' && text.back() == 'Z';
}

void check_label_values(const json& labels) {
    REQUIRE(labels.is_object());
    for (const auto& [name, average] : labels.items()) {
        check_keys(average, {"value", "count"}, {});
        CHECK(average["value"].is_number());
        CHECK(average["value"].get<double>() >= 0);
        CHECK(average["value"].get<double>() <= 1);
        CHECK(average["count"].is_number_integer());
        CHECK(average["count"].get<int>() >= 1);
    }
}

const std::set<std::string> kNodeRequired = {"message_id",   "user_id", "created_date",
                                             "text",         "role",    "lang",
                                             "review_count", "deleted", "synthetic"};
const std::set<std::string> kNodeOptional = {"parent_id", "review_result", "rank",  "model_name",
                                             "emojis",    "labels",        "events"};

void check_node_fields(const json& node) {
    CHECK(node["message_id"].is_string());
    CHECK(node["user_id"].is_string());
    CHECK(is_iso_date(node["created_date"]));
    CHECK(node["text"].is_string());
    CHECK((node["role"] == "prompter" || node["role"] == "assistant"));
    CHECK(node["lang"].is_string());
    CHECK(node["review_count"].is_number_integer());
    CHECK(node["deleted"].is_boolean());
    CHECK(node["synthetic"].is_boolean());
    if (node.contains("parent_id")) CHECK(node["parent_id"].is_string());
    if (node.contains("review_result")) CHECK(node["review_result"].is_boolean());
    if (node.contains("rank")) CHECK(node["rank"].is_number_integer());
    if (node.contains("model_name")) CHECK(node["model_name"].is_string());
    if (node.contains("emojis"))
        for (const auto& [code, count] : node["emojis"].items())
            CHECK(count.is_number_integer());
    if (node.contains("labels")) check_label_values(node["labels"]);
    if (node.contains("events"))
        for (const auto& [kind, events] : node["events"].items()) {
            REQUIRE(events.is_array());
            for (const auto& event : events) {
                CHECK(event["type"] == kind);
                CHECK(event["user_id"].is_string());
            }
        }
}

// A node and its replies: §8's fields, roles alternating, replies in rank order (unranked last).
void check_tree_node(const json& node, const std::string& parent_role) {
    std::set<std::string> required = kNodeRequired;
    required.insert("replies");
    check_keys(node, required, kNodeOptional);
    check_node_fields(node);
    CHECK(node["role"] != parent_role);
    std::optional<int> last_rank;
    bool unranked_seen = false;
    for (const auto& reply : node["replies"]) {
        CHECK(reply["parent_id"] == node["message_id"]);
        if (reply.contains("rank")) {
            CHECK_FALSE(unranked_seen);
            if (last_rank) CHECK(reply["rank"].get<int>() >= *last_rank);
            last_rank = reply["rank"].get<int>();
        } else {
            unranked_seen = true;
        }
        check_tree_node(reply, node["role"]);
    }
}

void check_oasst_line(const json& tree) {
    check_keys(tree, {"message_tree_id", "tree_state", "prompt"}, {"origin"});
    CHECK(tree["message_tree_id"] == tree["prompt"]["message_id"]);
    CHECK_FALSE(tree["prompt"].contains("parent_id"));
    check_tree_node(tree["prompt"], "");
}

void check_message_line(const json& message) {
    std::set<std::string> required = kNodeRequired;
    required.insert({"message_tree_id", "tree_state"});
    check_keys(message, required, kNodeOptional);
    check_node_fields(message);
}

void check_chat(const json& messages, const char* first_role, const char* last_role) {
    REQUIRE(messages.is_array());
    REQUIRE_FALSE(messages.empty());
    std::string expected = first_role;
    for (const auto& message : messages) {
        check_keys(message, {"role", "content"}, {});
        CHECK(message["role"] == expected);
        CHECK(message["content"].is_string());
        expected = expected == "user" ? "assistant" : "user";
    }
    CHECK(messages.back()["role"] == last_role);
}

void check_sft_line(const json& line) {
    check_keys(line, {"messages", "message_ids", "message_tree_id", "lang"}, {});
    check_chat(line["messages"], "user", "assistant");
    CHECK(line["message_ids"].size() == line["messages"].size());
}

void check_preference_line(const json& line) {
    check_keys(line,
               {"prompt", "chosen", "rejected", "margin", "chosen_id", "rejected_id",
                "message_tree_id", "lang"},
               {});
    check_chat(line["prompt"], "user", "user");
    check_chat(line["chosen"], "assistant", "assistant");
    check_chat(line["rejected"], "assistant", "assistant");
    CHECK(line["margin"].is_number_integer());
    CHECK(line["margin"].get<int>() > 0);
    CHECK(line["chosen_id"] != line["rejected_id"]);
}

void check_labels_line(const json& line) {
    check_keys(line, {"message_id", "text", "role", "lang", "labels", "message_tree_id"}, {});
    CHECK(line["text"].is_string());
    CHECK((line["role"] == "prompter" || line["role"] == "assistant"));
    check_label_values(line["labels"]);
    CHECK_FALSE(line["labels"].empty());
}

// Every id of a tree export: messages, parents, users, trees, and those inside events.
void collect_ids(const json& value, std::set<std::string>& ids) {
    if (value.is_object()) {
        for (const auto& [key, field] : value.items()) {
            if (field.is_string() && (key.ends_with("_id")))
                ids.insert(field.get<std::string>());
            else if (key == "ranked_message_ids")
                for (const auto& id : field)
                    ids.insert(id.get<std::string>());
            else
                collect_ids(field, ids);
        }
    } else if (value.is_array()) {
        for (const auto& item : value)
            collect_ids(item, ids);
    }
}

struct DemoDatabase {
    TempDir dir;
    std::string key = orchard::test::create_api_key(dir.path(), false);
    TestServer server{dir.path(), {"--demo", "--quiet"}};
};

} // namespace

TEST_CASE("export: every format's fields have the names and types of docs/datasets.md") {
    DemoDatabase demo;
    const auto& dir = demo.dir.path();
    const auto trees = exported(dir, "oasst", "--all --events");
    REQUIRE(trees.size() == 50); // every tree of the sample
    for (const auto& tree : trees)
        check_oasst_line(tree);
    const auto ready = exported(dir, "oasst", "--events");
    REQUIRE(ready.size() == 4); // the sample's trees ready for export
    for (const auto& tree : ready) {
        check_oasst_line(tree);
        CHECK(tree["tree_state"] == "ready_for_export");
    }
    const auto messages = exported(dir, "messages", "--all");
    REQUIRE(messages.size() > trees.size());
    for (const auto& message : messages)
        check_message_line(message);
    const auto sft = exported(dir, "sft");
    REQUIRE(sft.size() == ready.size()); // one best path per tree
    for (const auto& line : sft)
        check_sft_line(line);
    const auto paths = exported(dir, "sft", "--all-paths");
    REQUIRE(paths.size() > sft.size());
    for (const auto& line : paths)
        check_sft_line(line);
    const auto preference = exported(dir, "preference");
    REQUIRE_FALSE(preference.empty());
    for (const auto& line : preference)
        check_preference_line(line);
    const auto labels = exported(dir, "labels");
    REQUIRE_FALSE(labels.empty());
    for (const auto& line : labels)
        check_labels_line(line);
}

TEST_CASE("export: the default keeps accepted, undeleted, human messages of exported trees") {
    DemoDatabase demo;
    const auto& dir = demo.dir.path();
    for (const auto& message : exported(dir, "messages")) {
        CHECK(message["tree_state"] == "ready_for_export");
        CHECK(message["review_result"] == true);
        CHECK(message["deleted"] == false);
        CHECK(message["synthetic"] == false);
    }
    // --all has rejected and unreviewed messages the default leaves out.
    bool rejected_or_open = false;
    for (const auto& message : exported(dir, "messages", "--all"))
        rejected_or_open |= message.value("review_result", false) == false;
    CHECK(rejected_or_open);
    for (const auto& tree : exported(dir, "oasst", "--prompts-only"))
        CHECK(tree["prompt"]["replies"].empty());
    const auto german = exported(dir, "oasst", "--all --lang de");
    REQUIRE_FALSE(german.empty());
    for (const auto& tree : german)
        CHECK(tree["prompt"]["lang"] == "de");
    const auto growing = exported(dir, "oasst", "--state growing,ranking");
    REQUIRE(growing.size() == 30);
    // One person's messages as a flat list, theirs only.
    const std::string author = exported(dir, "messages", "--all").front()["user_id"];
    const auto theirs = exported(dir, "messages", "--all --user " + author);
    REQUIRE_FALSE(theirs.empty());
    for (const auto& message : theirs)
        CHECK(message["user_id"] == author);
    // Labels off.
    for (const auto& message : exported(dir, "messages", "--no-labels"))
        CHECK_FALSE(message.contains("labels"));
}

TEST_CASE("export: the same database and options give the same bytes, compressed too") {
    DemoDatabase demo;
    const auto& dir = demo.dir.path();
    for (const std::string name : {"a.jsonl", "b.jsonl", "a.jsonl.gz", "b.jsonl.gz"}) {
        const auto run = run_export(dir, "--all --events --out '" + (dir / name).string() + "'");
        REQUIRE(run.exit_code == 0);
    }
    const auto plain = read_file(dir / "a.jsonl");
    REQUIRE(plain.size() > 10000);
    CHECK(plain == read_file(dir / "b.jsonl"));
    const auto compressed = read_file(dir / "a.jsonl.gz");
    CHECK(compressed.size() < plain.size() / 2);
    CHECK(compressed == read_file(dir / "b.jsonl.gz"));
    CHECK(std::system(("gzip -dc '" + (dir / "a.jsonl.gz").string() + "' | cmp -s - '" +
                       (dir / "a.jsonl").string() + "'")
                          .c_str()) == 0);
}

TEST_CASE("export: an anonymous export holds no original id and keeps every link") {
    DemoDatabase demo;
    const auto& dir = demo.dir.path();
    std::set<std::string> original;
    for (const auto& tree : exported(dir, "oasst", "--all --events"))
        collect_ids(tree, original);
    REQUIRE(original.size() > 100);
    const auto anonymous = exported(dir, "oasst", "--all --events --anonymize s3cret");
    const auto again = exported(dir, "messages", "--all --events --anonymize s3cret");
    std::string text;
    for (const auto& tree : anonymous)
        text += tree.dump();
    for (const auto& message : again)
        text += message.dump();
    for (const auto& id : original) {
        INFO(id);
        CHECK(text.find(id) == std::string::npos);
    }
    std::set<std::string> mapped;
    for (const auto& tree : anonymous) {
        check_oasst_line(tree); // parents still point at their replies' parents
        collect_ids(tree, mapped);
    }
    CHECK(mapped.size() == original.size());
    // The same seed maps the same way in another format; another seed does not.
    std::set<std::string> in_messages;
    for (const auto& message : again)
        in_messages.insert(message["message_id"].get<std::string>());
    for (const auto& tree : anonymous)
        CHECK(in_messages.contains(tree["prompt"]["message_id"].get<std::string>()));
    const auto other = exported(dir, "oasst", "--all --anonymize other");
    CHECK(other.front()["message_tree_id"] != anonymous.front()["message_tree_id"]);
}

TEST_CASE("export: mistakes on the command line are refused with a reason") {
    TempDir dir;
    auto run = run_export(dir.path(), "--format csv");
    CHECK(run.exit_code == 2);
    CHECK(run.errors.find("--format is oasst, messages, sft, preference or labels") !=
          std::string::npos);
    run = run_export(dir.path(), "--state finished");
    CHECK(run.exit_code == 2);
    CHECK(run.errors.find("no tree state is called 'finished'") != std::string::npos);
    if (!orchard::test::on_postgres()) { // (a PostgreSQL database is named, not found in a folder)
        run = run_export(dir.path(), "--format sft");
        CHECK(run.exit_code == 1); // no database in an empty folder, and none is created
        CHECK(run.errors.find("there is no database") != std::string::npos);
        CHECK_FALSE(std::filesystem::exists(dir.path() / "orchard.db"));
    }
}

TEST_CASE("export: one snapshot while a server goes on writing") {
    DemoDatabase demo;
    const auto& dir = demo.dir.path();
    // A frontend keeps answering tasks on the running server while the export runs.
    Frontend bot(demo.server.base_url(), demo.key);
    std::atomic<bool> stop = false;
    std::atomic<int> answered = 0;
    std::thread writer([&] {
        for (int n = 0; !stop; ++n)
            if (!orchard::test::do_one_task(bot, "writer" + std::to_string(n % 7)).empty())
                ++answered;
    });
    std::vector<json> trees;
    for (int round = 0; round < 5; ++round)
        trees = exported(dir, "oasst", "--all --events");
    stop = true;
    writer.join();
    CHECK(answered > 0);
    REQUIRE(trees.size() >= 50); // the sample's, and the prompts written meanwhile
    for (const auto& tree : trees)
        check_oasst_line(tree);
}

TEST_CASE("export: every tree is read as of the same commit") {
    // Each commit of the writer below adds one reply to every tree, so an export that read later
    // trees after later commits would find them bigger than the first ones.
    TempDir dir;
    auto database = orchard::test::open_database(dir.path());
    constexpr int kTrees = 60;
    auto add_round = [&](int round) {
        orchard::store::Database::Transaction transaction(*database);
        orchard::store::TreeStore store(transaction.statements());
        if (round == 0) {
            orchard::store::UserRecord user{"u", std::nullopt, "local", "u", "U", true, false};
            store.insert_user(user, 0);
        }
        for (int t = 0; t < kTrees; ++t) {
            orchard::store::MessageRecord m;
            const std::string tree = "tree" + std::to_string(1000 + t);
            m.id = round == 0 ? tree : tree + "-" + std::to_string(round);
            m.tree_id = tree;
            if (round > 0) m.parent_id = tree;
            m.depth = round == 0 ? 0 : 1;
            m.role = round == 0 ? "prompter" : "assistant";
            m.lang = "en";
            m.text = "text " + m.id;
            m.user_id = "u";
            m.review_result = true;
            m.created_ms = round;
            store.insert_message(m);
            if (round == 0) {
                orchard::store::TreeRecord record;
                record.id = tree;
                record.state = orchard::domain::tree_state::kReadyForExport;
                record.lang = "en";
                store.insert_tree(record);
            }
        }
        transaction.commit();
    };
    add_round(0);
    std::atomic<bool> stop = false;
    // Bounded: trees that grew without end would make each export slower than the last, and a
    // reader that never lets go keeps SQLite from ever resetting its log.
    constexpr int kMaxRounds = 300;
    std::thread writer([&] {
        for (int round = 1; !stop && round <= kMaxRounds; ++round)
            add_round(round);
    });
    orchard::exporting::ExportOptions options;
    std::size_t checked = 0;
    for (int attempt = 0; attempt < 10; ++attempt) {
        std::set<std::size_t> sizes;
        orchard::exporting::export_trees(*database, options, [&](std::string_view line) {
            sizes.insert(json::parse(line)["prompt"]["replies"].size());
            std::this_thread::yield(); // give the writer every chance to commit in between
        });
        CHECK(sizes.size() == 1);
        ++checked;
    }
    stop = true;
    writer.join();
    CHECK(checked == 10);
}

namespace {

std::string sha256_of(const std::filesystem::path& file) {
    const std::string command = "sha256sum '" + file.string() + "'";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    char digest[65] = {};
    REQUIRE(std::fread(digest, 1, 64, pipe) == 64);
    pclose(pipe);
    return digest;
}

const char* const kConfigs[] = {"oasst", "messages", "sft", "preference", "labels"};
const char* const kSplits[] = {"train", "validation", "test"};

} // namespace

TEST_CASE("export: a release folder a trainer can use as it is") {
    DemoDatabase demo;
    const auto& dir = demo.dir.path();
    for (const char* name : {"release-a", "release-b"}) {
        const auto run = run_export(dir, "--dataset '" + (dir / name).string() + "' --seed 3");
        INFO(run.errors);
        REQUIRE(run.exit_code == 0);
    }
    const auto release = dir / "release-a";
    const auto manifest = json::parse(read_file(release / "manifest.json"));
    std::set<std::string> seen_trees, seen_prompts;
    long trees = 0;
    for (const char* config : kConfigs)
        for (const char* split : kSplits) {
            const std::string path = std::string(config) + "/" + split + ".jsonl";
            INFO(path);
            REQUIRE(std::filesystem::exists(release / path));
            // Byte-identical to the second run, and as the manifest says.
            CHECK(read_file(release / path) == read_file(dir / "release-b" / path));
            REQUIRE(manifest["files"].contains(path));
            CHECK(manifest["files"][path]["sha256"] == sha256_of(release / path));
            const auto lines = read_lines(release / path);
            CHECK(manifest["files"][path]["lines"] == lines.size());
            for (const auto& line : lines) {
                if (std::string(config) == "oasst") check_oasst_line(line);
                if (std::string(config) == "messages") check_message_line(line);
                if (std::string(config) == "sft") check_sft_line(line);
                if (std::string(config) == "preference") check_preference_line(line);
                if (std::string(config) == "labels") check_labels_line(line);
            }
            if (std::string(config) != "oasst") continue;
            // A tree, and its prompt's text, in one split only.
            for (const auto& tree : lines) {
                CHECK(seen_trees.insert(tree["message_tree_id"].get<std::string>()).second);
                CHECK(seen_prompts.insert(tree["prompt"]["text"].get<std::string>()).second);
                ++trees;
            }
        }
    CHECK(trees == 4); // every tree ready for export, once
    CHECK(manifest["figures"]["trees"] == 4);
    CHECK(manifest["options"]["seed"] == 3);
    const std::string card = read_file(release / "README.md");
    CHECK(card == read_file(dir / "release-b" / "README.md"));
    CHECK(manifest["files"]["README.md"]["sha256"] == sha256_of(release / "README.md"));
    CHECK(card.starts_with("---\nlicense: cc-by-4.0\nlanguage:\n- de\n- en\n"));
    CHECK(
        card.find("- config_name: sft\n  data_files:\n  - split: test\n    path: sft/test.jsonl") !=
        std::string::npos);
    CHECK(card.find("Krippendorff's alpha") != std::string::npos);
    CHECK(card.find("Kendall's tau") != std::string::npos);
    CHECK(card.find("\"num_required_rankings\"") != std::string::npos); // the settings in force
    CHECK(card.find("CC BY 4.0") != std::string::npos);                 // the terms accepted
}
