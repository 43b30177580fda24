// Every statement the task lifecycle and the tree manager run must be served by an index: it
// records the SQL SQLite executes during a realistic scenario and checks each one's plan.
#include "server/domain/contributions.h"
#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/domain/request_fields.h"
#include "server/domain/rewards.h"
#include "server/domain/task_service.h"
#include "server/store/database.h"
#include "server/store/explorer_store.h"
#include "server/store/sqlite.h"
#include "tests/support/temp_dir.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <set>

using namespace orchard;

namespace {

int record_statement(unsigned, void* context, void* statement, void*) {
    auto* seen = static_cast<std::set<std::string>*>(context);
    const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(statement));
    if (sql) seen->insert(sql);
    return 0;
}

} // namespace

TEST_CASE("query plans: the task lifecycle and tree manager never scan a growing table") {
    test::TempDir dir;
    auto database = store::Database::open(dir.path() / "plans.db");
    std::set<std::string> statements;
    {
        store::Database::Transaction transaction(*database);
        sqlite3* db = transaction.db();
        sqlite3_trace_v2(db, SQLITE_TRACE_STMT, record_statement, &statements);
        store::TreeStore store(db);
        domain::TreeManagerConfig config;
        config.goal_tree_size = 3;
        config.num_reviews_initial_prompt = 1;
        config.num_reviews_reply = 1;
        config.num_required_rankings = 1;
        std::mt19937_64 rng(5);
        std::int64_t now = 1'800'000'000'000;
        std::vector<domain::Caller> people;
        for (int i = 0; i < 6; ++i) {
            store::UserRecord user{domain::new_uuid(), std::nullopt, "local",
                                   "u" + std::to_string(i), "U"};
            store.insert_user(user, now);
            people.push_back({user, std::nullopt});
        }
        // Drive everything through the real services until the tree is exported.
        int counter = 0;
        for (int round = 0; round < 40; ++round) {
            for (auto& person : people) {
                domain::TaskService tasks(store, config, rng, ++now);
                (void)tasks.availability(person, "en");
                nlohmann::json task;
                try {
                    task = tasks.request_task(person, "random", "en", false);
                } catch (const domain::DomainError&) {
                    continue;
                }
                const std::string type = task["type"];
                const std::string fid = "f" + std::to_string(++counter);
                tasks.ack(person, task["id"], fid);
                nlohmann::json answer = {{"message_id", fid}};
                if (type.starts_with("label_")) {
                    answer = {{"type", "text_labels"},
                              {"task_id", task["id"]},
                              {"message_id", task["message_id"]},
                              {"labels", {{"spam", 0}}}};
                } else if (type.starts_with("rank_")) {
                    nlohmann::json order = nlohmann::json::array();
                    for (size_t i = 0; i < task["replies"].size(); ++i)
                        order.push_back(i);
                    answer["type"] = "message_ranking";
                    answer["ranking"] = order;
                } else {
                    answer["type"] = "text_reply_to_message";
                    answer["user_message_id"] = "m" + fid;
                    answer["text"] = "Text number " + fid;
                }
                tasks.interaction(person, domain::accepted(protocol::parse_interaction(answer)));
                if (round % 7 == 0)
                    tasks.nack(person, tasks.request_task(person, "random", "en", false)["id"],
                               "x");
            }
        }
        // Every read of the rewards, for everyone, in every time frame.
        domain::Rewards rewards(store.statements(), config, now);
        for (const auto& person : people) {
            const std::string& id = person.user.id;
            (void)rewards.user_stats(id);
            (void)rewards.ledger_page(id, "", 5);
            (void)rewards.ledger_page(id, "1800000000000.5", 5);
            (void)rewards.activity(id, 30);
            (void)domain::contributions(store.statements(), id, "", 5);
            (void)domain::contributions(store.statements(), id, "1800000000000.5", 5);
            for (const auto frame : domain::kTimeFrames)
                (void)rewards.user_window(id, frame, 3);
        }
        for (const auto frame : domain::kTimeFrames) {
            (void)rewards.leaderboard(frame, 100, 0);
            (void)rewards.board_valid_until(frame);
            (void)domain::trollboard(store.statements(), frame, 100, now);
        }
        (void)rewards.news(0, 20);
        (void)rewards.prizes();
        (void)rewards.scores_between(0, now);
        // The data explorer's reads, for every page after the first too.
        store::ExplorerStore explorer(store.statements());
        for (const std::string lang : {"en", ""}) {
            const auto page = explorer.recent_trees(lang, 2, std::nullopt);
            REQUIRE_FALSE(page.empty());
            (void)explorer.recent_trees(
                lang, 2, std::pair{page.back().tree.created_ms, page.back().tree.id});
            const auto hits = explorer.search("Text number", lang, 3, std::nullopt);
            REQUIRE_FALSE(hits.empty());
            (void)explorer.search("Text", lang, 3, hits.back().seq);
            (void)explorer.label_means(hits.back().message.id);
            (void)explorer.display_name(hits.back().message.user_id);
        }
        sqlite3_trace_v2(db, 0, nullptr, nullptr);
        CHECK(store.count_trees("ready_for_export", "en") >= 1);
        transaction.commit();
    }
    REQUIRE(statements.size() > 20);

    // A full scan of any table that grows with use is a bug; plans name tables by their alias,
    // so every SCAN is refused except of the tiny tables (config, schema_migrations, and the
    // prizes an admin defines by hand: the prizes page lists them all) and the one row of
    // SELECT EXISTS (...). FTS5 reads its own few-row configuration table (messages_fts_config)
    // when it connects to the index again, as it does after a migration alters messages.
    // A virtual table (FTS5 with MATCH, json_each of one row's labels) is told its constraint: a
    // non-zero index number; INDEX 0 would read all of it.
    const std::regex full_scan(
        R"(^SCAN (?!config\b|schema_migrations\b|prizes\b|main\.messages_fts_config\b|CONSTANT ROW$|\w+ VIRTUAL TABLE INDEX [1-9]))");
    // A subquery runs once per candidate row, so it must not read a whole user's history: a
    // search keyed by the user alone grows with everything that person ever did. A unique key
    // (SQLite's autoindex of a PRIMARY KEY or UNIQUE, as of streaks) finds one row per user.
    const std::regex by_user_alone(
        R"(^SEARCH \w+ USING (COVERING )?INDEX (?!sqlite_autoindex_)\w+ \(user_id=\?\)$)");
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir.path() / "plans.db").c_str(), &db) == SQLITE_OK);
    // The lottery counts each waiting author's first-place replies of the month: through the
    // index of those alone, not through everything the author wrote that month.
    const auto lottery_count = std::find_if(statements.begin(), statements.end(), [](auto& sql) {
        return sql.find("state = 'prompt_lottery_waiting'") != std::string::npos;
    });
    REQUIRE(lottery_count != statements.end());
    {
        store::Statement plan(db, "EXPLAIN QUERY PLAN " + *lottery_count);
        std::string plans;
        while (plan.step())
            plans += plan.column_text(3) + "\n";
        CHECK_THAT(plans, Catch::Matchers::Contains("INDEX messages_first_place_by_user"));
    }
    for (const auto& sql : statements) {
        if (sql.starts_with("BEGIN") || sql.starts_with("COMMIT") || sql.starts_with("ROLLBACK"))
            continue;
        store::Statement plan(db, "EXPLAIN QUERY PLAN " + sql);
        while (plan.step()) {
            const bool in_subquery = plan.column_int(1) != 0;
            const std::string detail = plan.column_text(3);
            INFO(sql << "\n  plan: " << detail);
            if (std::getenv("ORCHARD_PRINT_PLANS")) std::printf("%s\n", detail.c_str());
            CHECK_FALSE(std::regex_search(detail, full_scan));
            if (in_subquery) CHECK_FALSE(std::regex_search(detail, by_user_alone));
        }
    }
    CHECK(sqlite3_close(db) == SQLITE_OK);
}
