// `orchard serve --demo` over real HTTP against the real server: the sample conversations make
// every task type available to a newcomer at once, look like what real use writes, and are loaded
// only into an empty database.
#include "server/domain/ids.h"
#include "tests/support/database_query.h"
#include "tests/support/frontend.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>
#include <regex>

using nlohmann::json;
using orchard::test::Frontend;
using orchard::test::query_int;
using orchard::test::TempDir;
using orchard::test::TestServer;

namespace {

const std::vector<std::string> kTaskTypes = {
    "initial_prompt",         "assistant_reply",       "prompter_reply",
    "label_initial_prompt",   "label_assistant_reply", "label_prompter_reply",
    "rank_assistant_replies", "rank_prompter_replies",
};

// A demo server and a frontend; the key is created first, on the still empty database, since the
// demo is only loaded where there are no conversations (API clients are not conversations).
struct DemoFixture {
    TempDir dir;
    std::string key = orchard::test::create_api_key(dir.path(), false);
    TestServer server{dir.path(), {"--demo", "--quiet"}};
    Frontend bot{server.base_url(), key};

    json availability(const std::string& user, const std::string& lang) {
        auto answer =
            bot.post("/api/v1/tasks/availability?lang=" + lang, {{"user", Frontend::user(user)}});
        REQUIRE(answer.status == 200);
        return answer.body;
    }
};

} // namespace

TEST_CASE("demo: a newcomer finds every task type available in English") {
    DemoFixture f;
    const json counts = f.availability("newcomer", "en");
    INFO(counts.dump());
    for (const auto& type : kTaskTypes) {
        INFO(type);
        REQUIRE(counts.contains(type));
        CHECK(counts[type].get<long>() > 0);
    }
}

TEST_CASE("demo: a German newcomer has every task type available too") {
    DemoFixture f;
    const json counts = f.availability("neuling", "de");
    INFO(counts.dump());
    for (const auto& type : kTaskTypes) {
        INFO(type);
        CHECK(counts.value(type, 0L) > 0);
    }
}

TEST_CASE("demo: each task type can be requested by a newcomer") {
    DemoFixture f;
    for (const auto& type : kTaskTypes) {
        INFO(type);
        // A fresh user per type, so that no open task of one type limits the next.
        auto task = f.bot.request_task("newcomer-" + type, type, "en");
        INFO(task.body.dump());
        REQUIRE(task.status == 200);
        CHECK(task.body["type"] == type);
    }
}

TEST_CASE("demo: the sample is stored the way real use stores trees") {
    DemoFixture f;
    const auto& dir = f.dir.path();
    CHECK(query_int(dir, "SELECT count(*) FROM message_trees") == 50);
    CHECK(query_int(
              dir, "SELECT count(*) FROM message_trees WHERE origin IS DISTINCT FROM 'demo'") == 0);
    CHECK(query_int(dir, "SELECT count(*) FROM users WHERE api_client_id IS NULL") == 18);
    CHECK(query_int(dir, "SELECT count(*) FROM tasks") == 0);
    // Every message is in its tree, one level below its parent, and written after it.
    CHECK(query_int(dir, "SELECT count(*) FROM messages m JOIN messages p ON p.id = m.parent_id "
                         "WHERE m.depth != p.depth + 1 OR m.message_tree_id != p.message_tree_id "
                         "OR m.created_ms <= p.created_ms OR m.lang != p.lang") == 0);
    CHECK(query_int(dir, "SELECT count(*) FROM messages WHERE parent_id IS NULL AND "
                         "(depth != 0 OR id != message_tree_id)") == 0);
    CHECK(query_int(dir, "SELECT count(*) FROM messages WHERE created_ms > " +
                             std::to_string(orchard::domain::now_ms())) == 0);
    // children_count counts the live children.
    CHECK(query_int(dir, "SELECT count(*) FROM messages m WHERE children_count != (SELECT count(*) "
                         "FROM messages c WHERE c.parent_id = m.id AND c.deleted = 0)") == 0);
    // A decided message has exactly its task-based reviews, none by its author and none twice by
    // one user; an undecided one has none.
    CHECK(query_int(
              dir, "SELECT count(*) FROM messages m WHERE review_count != (SELECT count(*) "
                   "FROM text_labels l WHERE l.message_id = m.id AND l.task_id IS NOT NULL)") == 0);
    CHECK(query_int(dir, "SELECT count(*) FROM messages WHERE review_result IS NOT NULL AND "
                         "review_count != 3") == 0);
    CHECK(query_int(dir, "SELECT count(*) FROM text_labels l JOIN messages m ON m.id = "
                         "l.message_id WHERE l.user_id = m.user_id OR l.created_ms <= "
                         "m.created_ms") == 0);
    CHECK(query_int(dir, "SELECT count(*) FROM (SELECT message_id, user_id FROM text_labels GROUP "
                         "BY message_id, user_id HAVING count(*) > 1) AS twice") == 0);
    // The three rejected messages (two spam prompts, one reply) were rejected as spam.
    CHECK(query_int(dir, "SELECT count(*) FROM text_labels WHERE " +
                             orchard::test::json_number("labels", "spam") + " = 1") == 3 * 3);
    CHECK(query_int(dir, "SELECT count(*) FROM messages WHERE review_result = 0") == 3);
    // Rankings: three for each of the 8 ranked parents, counted on the parent.
    CHECK(query_int(dir, "SELECT count(*) FROM rankings") == 24);
    CHECK(query_int(dir, "SELECT sum(ranking_count) FROM messages") == 24);
    CHECK(query_int(dir, "SELECT count(*) FROM rankings WHERE task_id IS NULL OR " +
                             orchard::test::json_length("ranking") + " < 2") == 0);
    // Exported trees carry consensus ranks 0..n-1 under each ranked parent, and nothing else does.
    CHECK(query_int(dir, "SELECT count(*) FROM messages m JOIN message_trees t ON t.id = "
                         "m.message_tree_id WHERE m.rank IS NOT NULL AND t.state = "
                         "'ready_for_export'") == 19);
    CHECK(query_int(dir, "SELECT count(*) FROM messages m JOIN message_trees t ON t.id = "
                         "m.message_tree_id WHERE m.rank IS NOT NULL AND t.state != "
                         "'ready_for_export'") == 0);
    CHECK(query_int(dir, "SELECT count(*) FROM (SELECT parent_id FROM messages WHERE rank IS NOT "
                         "NULL GROUP BY parent_id HAVING min(rank) != 0 OR max(rank) != count(*) "
                         "- 1 OR count(DISTINCT rank) != count(*)) AS ranked") == 0);
}

TEST_CASE("demo: a second start on the same data loads nothing again") {
    TempDir dir;
    long long messages = 0;
    {
        TestServer first(dir.path(), {"--demo", "--quiet"});
        const std::string output = first.output();
        INFO(output);
        std::smatch match;
        REQUIRE(std::regex_search(
            output, match, std::regex(R"(Loaded demo data: 18 users, 50 trees, (\d+) messages)")));
        messages = query_int(dir.path(), "SELECT count(*) FROM messages");
        CHECK(messages == std::stoll(match[1]));
        CHECK(first.stop() == 0);
    }
    const long long labels = query_int(dir.path(), "SELECT count(*) FROM text_labels");
    const long long users = query_int(dir.path(), "SELECT count(*) FROM users");
    {
        TestServer second(dir.path(), {"--demo", "--quiet"});
        INFO(second.output());
        CHECK(
            second.output().find("Demo data not loaded: the database already has conversations.") !=
            std::string::npos);
        CHECK(second.stop() == 0);
    }
    CHECK(query_int(dir.path(), "SELECT count(*) FROM messages") == messages);
    CHECK(query_int(dir.path(), "SELECT count(*) FROM text_labels") == labels);
    CHECK(query_int(dir.path(), "SELECT count(*) FROM users") == users);
    CHECK(query_int(dir.path(), "SELECT count(*) FROM message_trees") == 50);
}

TEST_CASE("demo: a sample file that cannot be read is a clear start-up error") {
    TempDir dir;
    const auto missing = dir.path() / "no-such-sample.json";
    try {
        TestServer server(dir.path(), {"--demo-file", missing.string(), "--quiet"});
        FAIL("the server started without its sample");
    } catch (const std::runtime_error& error) {
        const std::string text = error.what();
        INFO(text);
        CHECK(text.find("demo data: cannot read") != std::string::npos);
    }
}
